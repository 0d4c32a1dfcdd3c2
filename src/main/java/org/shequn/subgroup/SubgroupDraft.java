package org.shequn.subgroup;

/** What a runner writes for a sub-group: a name, what its members share ("上海"), an optional cap and leader. */
public record SubgroupDraft(String name, String basis, Integer cap, Long leaderId) {
}
