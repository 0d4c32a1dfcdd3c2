package org.shequn.content;

/**
 * A comment was deleted by its author or by the community's owner or an admin. {@code withdrawn}: members had
 * seen it (it was counted and indexed); false for a held comment rejected before anyone saw it.
 */
public record CommentRemoved(long commentId, long postId, long communityId, long authorId, long byAccountId,
                             boolean withdrawn) {
}
