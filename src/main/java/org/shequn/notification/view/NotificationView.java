package org.shequn.notification.view;

import java.time.OffsetDateTime;

/** A notification as its reader sees it: the text in the reader's language and where it leads. */
public record NotificationView(long id, String kind, String text, String link, OffsetDateTime createdAt,
                               boolean unread) {
}
