package org.shequn.community;

import java.util.List;

/** A community as other modules see it. */
public record CommunityInfo(long id, String slug, String name, String description, List<String> themes,
                            long ownerId, int memberCap, EntryPolicy entryPolicy, boolean requiresRealName,
                            boolean requiresPosition, boolean membersMayInvite, List<String> questions,
                            Visibility visibility, boolean archived, String coverUrl,
                            GovernanceMode governance) {

    public CommunityInfo(long id, String slug, String name, String description, List<String> themes, long ownerId,
                         int memberCap, EntryPolicy entryPolicy, boolean requiresRealName, boolean requiresPosition,
                         boolean membersMayInvite, List<String> questions, Visibility visibility, boolean archived,
                         String coverUrl) {
        this(id, slug, name, description, themes, ownerId, memberCap, entryPolicy, requiresRealName, requiresPosition,
                membersMayInvite, questions, visibility, archived, coverUrl, GovernanceMode.CENTRALIZED);
    }
}
