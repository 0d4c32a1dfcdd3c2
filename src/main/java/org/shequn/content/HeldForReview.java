package org.shequn.content;

/**
 * A post or comment kept back for review (a banned word set to HOLD): those who run the community are told there is
 * something to approve. {@code commentId} is null for a post. Nobody else hears of the text until it is approved.
 */
public record HeldForReview(long communityId, long postId, Long commentId, long authorId) {
}
