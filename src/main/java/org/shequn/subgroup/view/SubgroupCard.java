package org.shequn.subgroup.view;

/** A sub-group in a list: {@code mine} when the viewer is in it. */
public record SubgroupCard(long id, String name, String basis, Integer cap, int members, Long leaderId,
                           String leaderName, boolean mine) {

    public boolean full() {
        return cap != null && members >= cap;
    }
}
