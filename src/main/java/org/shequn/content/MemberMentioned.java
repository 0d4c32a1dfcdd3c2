package org.shequn.content;

/**
 * A post or comment @mentioned a member of its community. {@code commentId} is null for a mention in the
 * post itself. Published once per mentioned member per post or comment, never for self-mentions.
 */
public record MemberMentioned(long communityId, long postId, Long commentId, long mentionedId, long byAccountId) {
}
