package org.shequn.membership.view;

import java.time.OffsetDateTime;

/** One line of the membership audit trail: who did what to whom, when. */
public record AuditEntry(long id, Long actorId, String actorName, Long subjectId, String subjectName, String action,
                         String detail, OffsetDateTime createdAt) {
}
