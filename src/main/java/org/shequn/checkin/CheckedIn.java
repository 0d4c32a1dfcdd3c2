package org.shequn.checkin;

import java.time.Instant;
import java.time.LocalDate;

/** A member checked in (or made a day up) for {@code localDate} of a challenge: where is {@code "checkin:" + checkInId}. */
public record CheckedIn(long communityId, long challengeId, long checkInId, long accountId, LocalDate localDate,
                        Instant occurredAt) {
}
