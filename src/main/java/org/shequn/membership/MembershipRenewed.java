package org.shequn.membership;

import java.time.OffsetDateTime;
import org.shequn.community.CommunityRole;

/**
 * A lapsed membership is a membership again: renewed until {@code until}, or without an end (null) because the
 * community stopped charging. It carries what the member's directory entry is made of (role, when they joined, who
 * invited them), as {@link MemberJoined} does.
 */
public record MembershipRenewed(long communityId, long accountId, CommunityRole role, OffsetDateTime joinedAt,
                                Long invitedBy, OffsetDateTime until) {
}
