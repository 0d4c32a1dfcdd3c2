package org.shequn.messaging.view;

import java.time.OffsetDateTime;

/**
 * A report in the operators' queue: the reported message alone (never the rest of its conversation), who wrote
 * it, who reported it and why.
 */
public record MessageReportView(long id, long messageId, long senderId, String senderName, long reporterId,
                                String reporterName, String body, boolean removed, String reason, String status,
                                OffsetDateTime reportedAt) {
}
