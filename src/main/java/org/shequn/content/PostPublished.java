package org.shequn.content;

/** A member published a post (in a section, or in the community's main feed when {@code sectionId} is null). */
public record PostPublished(long postId, long communityId, Long sectionId, long authorId, PostKind kind) {
}
