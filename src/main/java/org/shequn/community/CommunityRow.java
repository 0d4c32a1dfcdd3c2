package org.shequn.community;

import java.time.OffsetDateTime;

record CommunityRow(long id, String slug, String name, String description, String vision, String communityValues,
                    String mission, String rules, String coverKey, String visibility, int memberCap,
                    String entryPolicy, boolean requiresRealName, boolean requiresPosition, boolean membersMayInvite,
                    long ownerId, OffsetDateTime archivedAt, OffsetDateTime createdAt, String governance) {
}
