package org.shequn.notification.view;

import java.util.List;

/** The inbox page groups notifications by day: {@code label} is "today", "yesterday" or a date. */
public record NotificationDay(String label, List<NotificationView> items) {
}
