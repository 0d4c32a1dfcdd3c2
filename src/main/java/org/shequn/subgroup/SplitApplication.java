package org.shequn.subgroup;

import java.util.List;

/** An adjusted split to apply: each group's name, leader and members (the proposal, as the owner left it). */
public record SplitApplication(List<Group> groups) {

    public record Group(String name, Long leaderId, List<Long> memberIds) {
    }
}
