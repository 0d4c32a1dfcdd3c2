package org.shequn.community;

/** A member's role in a community, strongest first. */
public enum CommunityRole {
    OWNER, ADMIN, CORE, MEMBER;

    /** Owner and admins run the community day to day (approvals, invitations, removals). */
    public boolean runsCommunity() {
        return this == OWNER || this == ADMIN;
    }

    public boolean atLeast(CommunityRole other) {
        return ordinal() <= other.ordinal();
    }
}
