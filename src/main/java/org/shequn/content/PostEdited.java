package org.shequn.content;

/** The author changed a post; the previous version is kept in its history. */
public record PostEdited(long postId, long communityId, long authorId) {
}
