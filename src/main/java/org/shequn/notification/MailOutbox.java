package org.shequn.notification;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mails waiting to be sent (PENDING), sent (SENT) or given up on (FAILED). */
@Repository
class MailOutbox {

    record Mail(long id, long accountId, String recipient, String subject, String textBody, String htmlBody,
                int attempts) {
    }

    record NewMail(long accountId, String recipient, String subject, String textBody, String htmlBody,
                   String sourceKey) {
    }

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A mail with a source key seen before is not queued again. */
    void add(NewMail m, OffsetDateTime now) {
        jdbc.sql("""
                insert into mail_outbox (account_id, recipient, subject, text_body, html_body, source_key, status,
                    next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) on conflict do nothing""")
                .params(m.accountId(), m.recipient(), m.subject(), m.textBody(), m.htmlBody(), m.sourceKey(), now, now)
                .update();
    }

    /**
     * Takes up to {@code limit} due mails for this node: rows another node holds are skipped, and the taken
     * ones are not due again until {@code leaseUntil}, so a node that dies mid-send leaves them for later.
     * Call inside a transaction.
     */
    List<Mail> claim(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        var due = jdbc.sql("""
                select id, account_id, recipient, subject, text_body, html_body, attempts from mail_outbox
                where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, id limit ?
                for update skip locked""")
                .params(now, limit)
                .query((rs, n) -> new Mail(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7))).list();
        for (var m : due) {
            jdbc.sql("update mail_outbox set next_attempt_at = ? where id = ?").params(leaseUntil, m.id()).update();
        }
        return due;
    }

    void sent(long id, OffsetDateTime now) {
        jdbc.sql("update mail_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params(now, id).update();
    }

    void failed(long id, String error, OffsetDateTime retryAt, boolean giveUp) {
        var message = error == null ? "" : error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.sql("update mail_outbox set status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?")
                .params(giveUp ? "FAILED" : "PENDING", message, retryAt, id).update();
    }

    /** Sent mails are kept a while for support questions, then removed. */
    int purgeSentBefore(OffsetDateTime before) {
        return jdbc.sql("delete from mail_outbox where status <> 'PENDING' and created_at < ?").param(before).update();
    }
}
