package org.shequn.content.view;

import java.time.OffsetDateTime;

/** One report in the moderation queue, with the reported item's text (plain text, escaped by pages). */
public record ReportView(long id, Long postId, Long commentId, long reporterId, String reporterName, String reason,
                         String status, OffsetDateTime createdAt, long authorId, String authorName, String itemText,
                         boolean itemHidden, boolean itemDeleted, boolean authorMutable) {
}
