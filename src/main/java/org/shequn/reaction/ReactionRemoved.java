package org.shequn.reaction;

/** A member took back a reaction; the fields mean what they mean in {@link ReactionAdded}. */
public record ReactionRemoved(long communityId, long postId, Long commentId, long targetAuthorId, long reactorId,
                              String reaction) {
}
