package org.shequn.moderation.view;

import java.time.OffsetDateTime;
import org.shequn.moderation.AuditAction;

/** One moderation action: who did what to which item or member, and when. */
public record AuditEntry(long id, long actorId, String actorName, AuditAction action, Long postId, Long commentId,
                         Long subjectId, String subjectName, String detail, OffsetDateTime at) {
}
