package org.shequn.checkin;

import java.time.Instant;

/**
 * An owner or admin reviewed (点评) a member's check-in: a member-to-member interaction between {@code reviewerId}
 * and {@code memberId}, at {@code "checkin:" + checkInId}.
 */
public record CheckInReviewed(long communityId, long challengeId, long checkInId, long reviewerId, long memberId,
                              Instant occurredAt) {
}
