package org.shequn.moderation;

/** A member reported a post or a comment: the community's owner and admins have something to look at. */
public record ReportFiled(long reportId, long communityId, Long postId, Long commentId, long reporterId) {
}
