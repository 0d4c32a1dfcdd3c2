package org.shequn.notification.view;

import java.util.List;

/**
 * A member's notification preferences, as the API and the settings page show them: per topic (REPLY,
 * MENTIONED, ...) in the inbox and by mail, and the daily digest. {@code locale} (read only) is the language
 * mail is written in.
 */
public record NotificationPreferences(List<TopicChoice> topics, Boolean digest, String locale) {

    public record TopicChoice(String topic, boolean inApp, boolean email) {
    }
}
