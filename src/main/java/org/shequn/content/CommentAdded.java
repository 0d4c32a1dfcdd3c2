package org.shequn.content;

/**
 * A member commented on a post ({@code parentId} null) or replied to a top-level comment. {@code repliedToAuthorId}:
 * who wrote the comment answered (a reply to a reply hangs under the top-level comment, but answers its own author),
 * or null for a comment on the post itself.
 */
public record CommentAdded(long commentId, long postId, long communityId, Long parentId, long authorId,
                           long postAuthorId, Long repliedToAuthorId) {

    public CommentAdded(long commentId, long postId, long communityId, Long parentId, long authorId, long postAuthorId) {
        this(commentId, postId, communityId, parentId, authorId, postAuthorId, null);
    }
}
