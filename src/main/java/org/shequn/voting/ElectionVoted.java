package org.shequn.voting;

import java.time.OffsetDateTime;

/** A member on the roll voted in an election: the record that they voted, never what their ballot says. */
public record ElectionVoted(long communityId, long electionId, long accountId, OffsetDateTime occurredAt) {
}
