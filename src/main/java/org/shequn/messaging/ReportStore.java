package org.shequn.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports of private messages, for the platform operators. */
@Repository
class ReportStore {

    enum Status { PENDING, DISMISSED, REMOVED }

    record ReportRow(long id, long messageId, long reporterId, String reason, String status,
                     OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A second report of the same message by the same person adds nothing. */
    void add(long messageId, long reporterId, String reason, OffsetDateTime now) {
        jdbc.sql("""
                insert into message_reports (message_id, reporter_id, reason, status, created_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(messageId, reporterId, reason, Status.PENDING.name(), now).update();
    }

    Optional<ReportRow> find(long id) {
        return jdbc.sql("select id, message_id, reporter_id, reason, status, created_at from message_reports where id = ?")
                .param(id).query(Rows.of(ReportRow.class)).optional();
    }

    List<ReportRow> pending(int limit) {
        return jdbc.sql("""
                select id, message_id, reporter_id, reason, status, created_at from message_reports
                where status = ? order by created_at, id limit ?""")
                .params(Status.PENDING.name(), limit).query(Rows.of(ReportRow.class)).list();
    }

    /** Decides every pending report of the message at once: one decision answers them all. */
    int decide(long messageId, Status status, long operatorId, OffsetDateTime now) {
        return jdbc.sql("""
                update message_reports set status = ?, decided_at = ?, decided_by = ?
                where message_id = ? and status = ?""")
                .params(status.name(), now, operatorId, messageId, Status.PENDING.name()).update();
    }
}
