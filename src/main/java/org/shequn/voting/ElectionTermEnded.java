package org.shequn.voting;

/** The core members an election gave a term to are members again: the owner is asked to hold the next election. */
public record ElectionTermEnded(long communityId, long electionId, long ownerId, String title) {
}
