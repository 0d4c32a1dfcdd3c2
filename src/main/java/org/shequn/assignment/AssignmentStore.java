package org.shequn.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The assignments and their named reviewers. */
@Repository
class AssignmentStore {

    record AssignmentRow(long id, long communityId, String title, String description, Instant dueAt, ZoneId zone,
                         Integer remindHours, boolean acceptsLate, Integer maxScore, long createdBy,
                         OffsetDateTime createdAt, OffsetDateTime editedAt, OffsetDateTime closedAt) {

        boolean closed() {
            return closedAt != null;
        }

        Deadline deadline() {
            return new Deadline(dueAt, acceptsLate, closed());
        }
    }

    record Settings(String title, String description, Instant dueAt, ZoneId zone, Integer remindHours,
                    boolean acceptsLate, Integer maxScore) {

        OffsetDateTime remindAt() {
            return remindHours == null ? null : dueAt.minusSeconds(3600L * remindHours).atOffset(ZoneOffset.UTC);
        }
    }

    private static final String COLUMNS = """
            id, community_id, title, description, due_at, zone, remind_hours, accepts_late, max_score, created_by,
            created_at, edited_at, closed_at""";

    private final JdbcClient jdbc;

    AssignmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long communityId, long by, Settings s, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assignments (community_id, title, description, due_at, zone, remind_hours, remind_at,
                  accepts_late, max_score, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(communityId, s.title(), s.description(), s.dueAt().atOffset(ZoneOffset.UTC), s.zone().getId(),
                        s.remindHours(), s.remindAt(), s.acceptsLate(), s.maxScore(), by, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void edit(long id, Settings s, OffsetDateTime now) {
        jdbc.sql("""
                update assignments set title = ?, description = ?, due_at = ?, zone = ?, remind_hours = ?, remind_at = ?,
                  accepts_late = ?, max_score = ?, edited_at = ? where id = ?""")
                .params(s.title(), s.description(), s.dueAt().atOffset(ZoneOffset.UTC), s.zone().getId(), s.remindHours(),
                        s.remindAt(), s.acceptsLate(), s.maxScore(), now, id)
                .update();
    }

    /**
     * Locks the assignment's row until the transaction ends and reads its maximum score (null: comments only) then,
     * so an edit of the maximum and a review of one of its submissions take turns and no score ends above it.
     */
    Integer lockedMaxScore(long id) {
        var rows = jdbc.sql("select max_score from assignments where id = ? for update").param(id)
                .query((rs, n) -> rs.getObject(1, Integer.class)).list();
        return rows.isEmpty() ? null : rows.getFirst();
    }

    int close(long id, long by, OffsetDateTime now) {
        return jdbc.sql("update assignments set closed_at = ?, closed_by = ? where id = ? and closed_at is null")
                .params(now, by, id).update();
    }

    Optional<AssignmentRow> byId(long communityId, long id) {
        return jdbc.sql("select " + COLUMNS + " from assignments where community_id = ? and id = ?")
                .params(communityId, id).query(AssignmentStore::row).optional();
    }

    /** A community's assignments, the latest due first. */
    List<AssignmentRow> ofCommunity(long communityId) {
        return jdbc.sql("select " + COLUMNS + " from assignments where community_id = ? order by due_at desc, id desc limit 100")
                .param(communityId).query(AssignmentStore::row).list();
    }

    /** Open assignments whose reminder time has come and whose due time has not. */
    List<AssignmentRow> toRemind(OffsetDateTime now) {
        return jdbc.sql("select " + COLUMNS + " from assignments where remind_at <= ? and due_at > ? and closed_at is null order by id")
                .params(now, now).query(AssignmentStore::row).list();
    }

    void setReviewers(long assignmentId, List<Long> accountIds) {
        jdbc.sql("delete from assignment_reviewers where assignment_id = ?").param(assignmentId).update();
        for (long accountId : accountIds) {
            jdbc.sql("insert into assignment_reviewers (assignment_id, account_id) values (?, ?)")
                    .params(assignmentId, accountId).update();
        }
    }

    List<Long> reviewers(long assignmentId) {
        return jdbc.sql("select account_id from assignment_reviewers where assignment_id = ? order by account_id")
                .param(assignmentId).query(Long.class).list();
    }

    boolean isReviewer(long assignmentId, long accountId) {
        return jdbc.sql("select count(*) from assignment_reviewers where assignment_id = ? and account_id = ?")
                .params(assignmentId, accountId).query(Long.class).single() > 0;
    }

    private static AssignmentRow row(ResultSet rs, int n) throws SQLException {
        return new AssignmentRow(rs.getLong("id"), rs.getLong("community_id"), rs.getString("title"),
                rs.getString("description"), rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                ZoneId.of(rs.getString("zone")), (Integer) rs.getObject("remind_hours", Integer.class),
                rs.getBoolean("accepts_late"), rs.getObject("max_score", Integer.class), rs.getLong("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("edited_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class));
    }
}
