package org.shequn.subgroup.view;

/** A member as a sub-group's list shows them. */
public record SubgroupMember(long accountId, String displayName, String city, String industry, boolean leader) {
}
