package org.shequn.moderation.view;

import java.time.OffsetDateTime;
import org.shequn.moderation.ReportStatus;

/**
 * One report in the moderation queue, with the reported item's text (plain text, escaped by pages). A report names
 * a post or a comment; {@code itemPostId} is the post to open to see either (null once the item is gone).
 */
public record ReportView(long id, Long postId, Long commentId, Long itemPostId, long reporterId, String reporterName,
                         String reason, ReportStatus status, OffsetDateTime createdAt, long authorId, String authorName, String itemText,
                         boolean itemHidden, boolean itemDeleted, boolean authorMutable) {
}
