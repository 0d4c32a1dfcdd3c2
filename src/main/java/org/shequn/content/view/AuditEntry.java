package org.shequn.content.view;

import java.time.OffsetDateTime;

/** One moderation action: who did what to which item or member, and when. */
public record AuditEntry(long id, long actorId, String actorName, String action, Long postId, Long commentId,
                         Long subjectId, String subjectName, String detail, OffsetDateTime at) {
}
