package org.shequn.membership;

import java.time.OffsetDateTime;

/** A member who may not post, comment or react in a community until {@code untilAt}. */
public record MemberMute(long accountId, OffsetDateTime untilAt, String reason, long mutedBy) {
}
