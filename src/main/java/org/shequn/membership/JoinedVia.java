package org.shequn.membership;

/** How a member came in: as the community's creator, by open joining, by an approved application, or invited. */
public enum JoinedVia {
    CREATED, OPEN, APPLICATION, INVITATION
}
