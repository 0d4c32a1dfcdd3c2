package org.shequn.content;

/** A post was hidden from everyone (soft-deleted) by its author or by the community's owner or an admin. */
public record PostRemoved(long postId, long communityId, long authorId, long byAccountId) {
}
