package org.shequn.membership;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Applications to communities that admit by approval, with the answers to the entry questions. */
@Repository
class ApplicationStore {

    enum Status {
        PENDING, APPROVED, REJECTED, WITHDRAWN
    }

    record ApplicationRow(long id, long communityId, long accountId, Status status, OffsetDateTime createdAt,
                          OffsetDateTime decidedAt, Long decidedBy, String reason) {
    }

    record Answer(String question, String answer) {
    }

    private static final String COLUMNS = "id, community_id, account_id, status, created_at, decided_at, decided_by, reason";

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long communityId, long accountId, List<Answer> answers, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into applications (community_id, account_id, status, created_at) values (?, ?, 'PENDING', ?)")
                .params(communityId, accountId, now).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (int i = 0; i < answers.size(); i++) {
            jdbc.sql("insert into application_answers (application_id, position, question, answer) values (?, ?, ?, ?)")
                    .params(id, i, answers.get(i).question(), answers.get(i).answer()).update();
        }
        return id;
    }

    Optional<ApplicationRow> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from applications where id = ?").param(id).query(this::row).optional();
    }

    /** Applications waiting for a decision, counted up to {@code cap}. */
    int pendingCount(long communityId, int cap) {
        return jdbc.sql("select count(*) from (select 1 from applications where community_id = ? and status = 'PENDING' limit ?) w")
                .params(communityId, cap).query(Integer.class).single();
    }

    /** Who waits the longest first: the applicants a reviewer should answer next. */
    List<ApplicationRow> pendingOldest(long communityId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from applications where community_id = ? and status = 'PENDING'"
                        + " order by created_at, id limit ?")
                .params(communityId, limit).query(this::row).list();
    }

    Optional<ApplicationRow> pending(long communityId, long accountId) {
        return jdbc.sql("select " + COLUMNS + " from applications where community_id = ? and account_id = ? and status = 'PENDING'")
                .params(communityId, accountId).query(this::row).optional();
    }

    /** The person's most recent application to the community, whatever its state. */
    Optional<ApplicationRow> latest(long communityId, long accountId) {
        return jdbc.sql("select " + COLUMNS + " from applications where community_id = ? and account_id = ? order by id desc limit 1")
                .params(communityId, accountId).query(this::row).optional();
    }

    /** Oldest first (a queue), keyset on the id. */
    List<ApplicationRow> queue(long communityId, Status status, long afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from applications where community_id = ? and status = ? and id > ? order by id limit ?")
                .params(communityId, status.name(), afterId, limit).query(this::row).list();
    }

    List<ApplicationRow> pendingOf(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from applications where account_id = ? and status = 'PENDING' order by id desc")
                .param(accountId).query(this::row).list();
    }

    Map<Long, List<Answer>> answers(Collection<Long> applicationIds) {
        var result = new HashMap<Long, List<Answer>>();
        if (applicationIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select application_id, question, answer from application_answers where application_id in (:ids) order by application_id, position")
                .param("ids", List.copyOf(applicationIds)).query((rs, n) -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Answer(rs.getString(2), rs.getString(3)));
                    return null;
                }).list();
        return result;
    }

    /** Moves a pending application to its final state; false when it was no longer pending. */
    boolean decide(long id, Status status, Long decidedBy, String reason, OffsetDateTime now) {
        return jdbc.sql("update applications set status = ?, decided_at = ?, decided_by = ?, reason = ? where id = ? and status = 'PENDING'")
                .params(status.name(), now, decidedBy, reason, id).update() == 1;
    }

    private ApplicationRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ApplicationRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), Status.valueOf(rs.getString(4)),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
                (Long) rs.getObject(7, Long.class), rs.getString(8));
    }
}
