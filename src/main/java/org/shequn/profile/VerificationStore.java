package org.shequn.profile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The verification_requests table. */
@Repository
class VerificationStore {

    enum Status { PENDING, APPROVED, REJECTED }

    record Row(long id, long accountId, String kind, String status, String realName, String evidence, String company,
               String jobTitle, String fileKey, OffsetDateTime requestedAt, OffsetDateTime decidedAt, Long decidedBy,
               String reason) {

        VerificationKind verificationKind() {
            return VerificationKind.valueOf(kind);
        }

        boolean pending() {
            return Status.PENDING.name().equals(status);
        }
    }

    private static final String COLUMNS = "id, account_id, kind, status, real_name, evidence, company, job_title, "
            + "file_key, requested_at, decided_at, decided_by, reason";

    private final JdbcClient jdbc;

    VerificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String slot(long accountId, VerificationKind kind) {
        return accountId + ":" + kind.name();
    }

    boolean hasPending(long accountId, VerificationKind kind) {
        return jdbc.sql("select count(*) from verification_requests where pending_slot = ?").param(slot(accountId, kind))
                .query(Integer.class).single() > 0;
    }

    long insert(long accountId, VerificationKind kind, String realName, String evidence, String company,
                String jobTitle, String fileKey, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into verification_requests (account_id, kind, status, real_name, evidence, company, job_title,
                                                   file_key, requested_at, pending_slot)
                values (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?)""")
                .params(accountId, kind.name(), realName, evidence, company, jobTitle, fileKey, now, slot(accountId, kind))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from verification_requests where id = ?").param(id)
                .query(Rows.of(Row.class)).optional();
    }

    List<Row> byAccount(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from verification_requests where account_id = ? order by id desc")
                .param(accountId).query(Rows.of(Row.class)).list();
    }

    /** Pending requests oldest first, then (unless a status is asked for) the latest decided ones. */
    List<Row> queue(Status status, int limit) {
        if (status == Status.PENDING) {
            return jdbc.sql("select " + COLUMNS + " from verification_requests where status = 'PENDING' order by requested_at, id limit ?")
                    .param(limit).query(Rows.of(Row.class)).list();
        }
        if (status != null) {
            return jdbc.sql("select " + COLUMNS + " from verification_requests where status = ? order by decided_at desc, id desc limit ?")
                    .params(status.name(), limit).query(Rows.of(Row.class)).list();
        }
        var pending = queue(Status.PENDING, limit);
        var decided = jdbc.sql("select " + COLUMNS + " from verification_requests where status <> 'PENDING' order by decided_at desc, id desc limit ?")
                .param(Math.max(0, limit - pending.size())).query(Rows.of(Row.class)).list();
        return java.util.stream.Stream.concat(pending.stream(), decided.stream()).toList();
    }

    /** Decides a pending request; false when it was no longer pending. */
    boolean decide(long id, Status status, long operatorId, String reason, OffsetDateTime now) {
        return jdbc.sql("""
                update verification_requests set status = ?, decided_by = ?, decided_at = ?, reason = ?, pending_slot = null
                where id = ? and status = 'PENDING'""")
                .params(status.name(), operatorId, now, reason, id).update() == 1;
    }
}
