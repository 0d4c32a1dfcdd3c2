package org.shequn.voting;

import java.time.OffsetDateTime;

/** A member voted in a named poll (never published for an anonymous one): an interaction around the poll. */
public record PollVoted(long communityId, long pollId, long accountId, OffsetDateTime occurredAt) {
}
