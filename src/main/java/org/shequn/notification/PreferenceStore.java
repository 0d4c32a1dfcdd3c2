package org.shequn.notification;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-topic choices (only those that differ from the defaults) and each account's mail settings. */
@Repository
class PreferenceStore {

    record Choice(boolean inApp, boolean email) {
    }

    record Settings(boolean digest, String locale, OffsetDateTime lastDigestAt) {
    }

    private final JdbcClient jdbc;

    PreferenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Topic, Choice> choices(long accountId) {
        var out = new HashMap<Topic, Choice>();
        jdbc.sql("select topic, in_app, email from notification_preferences where account_id = ?").param(accountId)
                .query(rs -> {
                    try {
                        out.put(Topic.valueOf(rs.getString(1)), new Choice(rs.getBoolean(2), rs.getBoolean(3)));
                    } catch (IllegalArgumentException e) {
                        // a topic since removed from the code: ignored
                    }
                });
        return out;
    }

    Optional<Choice> choice(long accountId, Topic topic) {
        return jdbc.sql("select in_app, email from notification_preferences where account_id = ? and topic = ?")
                .params(accountId, topic.name()).query((rs, n) -> new Choice(rs.getBoolean(1), rs.getBoolean(2))).optional();
    }

    /** Replaces all of an account's choices and settings (one transaction, by the caller). */
    void replace(long accountId, Map<Topic, Choice> choices, boolean digest, String locale) {
        jdbc.sql("delete from notification_preferences where account_id = ?").param(accountId).update();
        choices.forEach((topic, c) -> jdbc.sql("insert into notification_preferences (account_id, topic, in_app, email) values (?, ?, ?, ?)")
                .params(accountId, topic.name(), c.inApp(), c.email()).update());
        if (jdbc.sql("update notification_settings set digest = ?, locale = ? where account_id = ?")
                .params(digest, locale, accountId).update() == 0) {
            jdbc.sql("insert into notification_settings (account_id, digest, locale) values (?, ?, ?) on conflict do nothing")
                    .params(accountId, digest, locale).update();
        }
    }

    Optional<Settings> settings(long accountId) {
        return jdbc.sql("select digest, locale, last_digest_at from notification_settings where account_id = ?")
                .param(accountId).query((rs, n) -> new Settings(rs.getBoolean(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class))).optional();
    }

    void digested(long accountId, OffsetDateTime at, String defaultLocale) {
        if (jdbc.sql("update notification_settings set last_digest_at = ? where account_id = ?").params(at, accountId).update() == 0) {
            jdbc.sql("insert into notification_settings (account_id, digest, locale, last_digest_at) values (?, ?, ?, ?) on conflict do nothing")
                    .params(accountId, true, defaultLocale, at).update();
        }
    }
}
