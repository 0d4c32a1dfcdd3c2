package org.shequn.moderation;

import java.time.OffsetDateTime;

/**
 * An owner or admin decided something about a member's content or the member: {@code subjectId} is the
 * member concerned (the author of the post or comment, or the muted member). {@code postId} and
 * {@code commentId} name the content where there is some; {@code until} is set for a mute. {@code auditId} is the
 * decision's entry in the moderation audit trail: it tells one decision from the same one taken again later
 * (null in an event stored in the outbox before the field existed).
 */
public record ModerationDecided(Long auditId, long communityId, long subjectId, long byAccountId, Action action, Long postId,
                                Long commentId, String reason, OffsetDateTime until) {

    public enum Action {
        POST_HIDDEN, POST_RESTORED, POST_DELETED, POST_APPROVED, COMMENT_HIDDEN, COMMENT_RESTORED,
        COMMENT_DELETED, COMMENT_APPROVED, MUTED, UNMUTED
    }
}
