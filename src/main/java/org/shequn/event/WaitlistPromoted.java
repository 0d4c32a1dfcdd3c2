package org.shequn.event;

import java.time.OffsetDateTime;

/** Someone cancelled and the first on the waitlist got the seat: they are told. */
public record WaitlistPromoted(long communityId, long eventId, long accountId, String title, OffsetDateTime promotedAt) {
}
