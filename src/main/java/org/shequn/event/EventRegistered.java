package org.shequn.event;

import java.time.OffsetDateTime;

/** A member got a seat at an event (registered, promoted from the waitlist, or approved): an interaction record. */
public record EventRegistered(long communityId, long eventId, long accountId, OffsetDateTime occurredAt) {
}
