package org.shequn.membership;

import java.time.OffsetDateTime;

/** Someone became a member; {@code invitedBy} is the inviter when they came in with an invitation, else null. */
public record MemberJoined(long communityId, long accountId, Long invitedBy, OffsetDateTime joinedAt) {
}
