package org.shequn.notification.view;

import java.time.OffsetDateTime;
import org.shequn.notification.NotificationKind;

/**
 * A notification as its reader sees it: the text in the reader's language, where it leads, and its topic
 * (REPLY, MENTIONED, MODERATION ... as in the preferences; the page picks an icon by it).
 */
public record NotificationView(long id, NotificationKind kind, String topic, String text, String link, OffsetDateTime createdAt,
                               boolean unread, Long actorId, String actorName) {
}
