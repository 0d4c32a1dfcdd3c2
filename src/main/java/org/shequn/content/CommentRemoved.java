package org.shequn.content;

/** A comment was hidden by its author or by the community's owner or an admin. */
public record CommentRemoved(long commentId, long postId, long communityId, long authorId, long byAccountId) {
}
