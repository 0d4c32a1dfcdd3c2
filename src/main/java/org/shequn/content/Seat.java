package org.shequn.content;

import org.shequn.community.CommunityInfo;
import org.shequn.community.CommunityRole;

/** A member inside a community: who, where, with which role. Only {@link ContentAccess} makes one. */
record Seat(CommunityInfo community, long accountId, CommunityRole role) {

    long communityId() {
        return community.id();
    }

    boolean runs() {
        return role.runsCommunity();
    }

    boolean owner() {
        return role == CommunityRole.OWNER;
    }
}
