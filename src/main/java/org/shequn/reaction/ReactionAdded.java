package org.shequn.reaction;

/**
 * A member reacted to a post ({@code commentId} null) or a comment. {@code reaction} is {@code "like"} or
 * {@code "sticker:<stickerId>"}; {@code targetAuthorId} wrote what was reacted to.
 */
public record ReactionAdded(long communityId, long postId, Long commentId, long targetAuthorId, long reactorId,
                            String reaction) {
}
