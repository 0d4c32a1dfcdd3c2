package org.shequn.community;

import java.util.List;

/** A community as other modules see it. */
public record CommunityInfo(long id, String slug, String name, String description, List<String> themes,
                            long ownerId, int memberCap, EntryPolicy entryPolicy, boolean requiresRealName,
                            boolean requiresPosition, boolean membersMayInvite, List<String> questions,
                            Visibility visibility, boolean archived, String coverUrl) {
}
