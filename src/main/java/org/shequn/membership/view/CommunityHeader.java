package org.shequn.membership.view;

import java.util.List;

/** The community as the membership pages show it at the top. */
public record CommunityHeader(long id, String slug, String name, String description, int memberCount, int memberCap,
                              String entryPolicy, boolean requiresRealName, boolean requiresPosition,
                              boolean membersMayInvite, boolean archived, List<String> questions, String coverUrl) {

    public boolean full() {
        return memberCount >= memberCap;
    }
}
