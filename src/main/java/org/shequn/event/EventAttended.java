package org.shequn.event;

import java.time.OffsetDateTime;

/** A guest was checked in at the door by a staff member: published in the check-in transaction. */
public record EventAttended(long communityId, long eventId, long accountId, long staffId, OffsetDateTime occurredAt) {
}
