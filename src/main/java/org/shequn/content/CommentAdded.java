package org.shequn.content;

/** A member commented on a post ({@code parentId} null) or replied to a top-level comment. */
public record CommentAdded(long commentId, long postId, long communityId, Long parentId, long authorId,
                           long postAuthorId) {
}
