package org.shequn.notification;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import org.shequn.notification.view.NotificationPreferences;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which notifications a member wants, in the inbox and by mail, and whether they want the daily digest. */
@Service
public class Preferences {

    static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final PreferenceStore store;

    Preferences(PreferenceStore store) {
        this.store = store;
    }

    public NotificationPreferences form(Viewer viewer) {
        Viewer.require(viewer);
        var choices = store.choices(viewer.accountId());
        var settings = store.settings(viewer.accountId());
        return new NotificationPreferences(Arrays.stream(Topic.values()).map(t -> {
            var c = choices.getOrDefault(t, defaults(t));
            return new NotificationPreferences.TopicChoice(t.name(), c.inApp(), c.email());
        }).toList(), settings.map(PreferenceStore.Settings::digest).orElse(true),
                settings.map(PreferenceStore.Settings::locale).orElse(tag(DEFAULT_LOCALE)));
    }

    /**
     * Saves the switches; a topic left out is back to its default. The language mail is written in becomes the
     * language the member is using the site in now.
     */
    @Transactional
    public NotificationPreferences save(Viewer viewer, NotificationPreferences form, Locale locale) {
        Viewer.require(viewer);
        if (form == null || form.topics() == null || form.topics().size() > Topic.values().length) {
            throw Rejection.invalid("topics", "notification.preferences.topics");
        }
        var choices = new EnumMap<Topic, PreferenceStore.Choice>(Topic.class);
        var seen = EnumSet.noneOf(Topic.class);
        for (var c : form.topics()) {
            var topic = c == null ? null : topic(c.topic());
            if (topic == null || !seen.add(topic)) {
                throw Rejection.invalid("topics", "notification.preferences.topics");
            }
            var choice = new PreferenceStore.Choice(c.inApp(), c.email());
            if (!choice.equals(defaults(topic))) {
                choices.put(topic, choice);
            }
        }
        store.replace(viewer.accountId(), choices, form.digest() == null || form.digest(), tag(locale));
        return form(viewer);
    }

    boolean inApp(long accountId, Topic topic) {
        return store.choice(accountId, topic).orElse(defaults(topic)).inApp();
    }

    boolean email(long accountId, Topic topic) {
        return store.choice(accountId, topic).orElse(defaults(topic)).email();
    }

    Locale locale(long accountId) {
        return store.settings(accountId).map(s -> Locale.forLanguageTag(s.locale())).orElse(DEFAULT_LOCALE);
    }

    static String tag(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? "en" : "zh-CN";
    }

    private static PreferenceStore.Choice defaults(Topic topic) {
        return new PreferenceStore.Choice(true, topic.emailByDefault);
    }

    private static Topic topic(String name) {
        try {
            return name == null ? null : Topic.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
