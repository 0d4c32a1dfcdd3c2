package org.shequn.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Submissions, their images and file, their reviews; and the reminder's claim rows. */
@Repository
class SubmissionStore {

    record SubmissionRow(long id, long assignmentId, long accountId, String body, String fileKey, String fileName,
                         Long fileSize, OffsetDateTime submittedAt, OffsetDateTime revisedAt, boolean late,
                         Integer score, String review, Long reviewedBy, OffsetDateTime reviewedAt,
                         OffsetDateTime featuredAt) {

        boolean scored() {
            return score != null;
        }
    }

    record StoredFile(String key, String name, long size) {
    }

    private static final String COLUMNS = """
            id, assignment_id, account_id, body, file_key, file_name, file_size, submitted_at, revised_at, late, score,
            review, reviewed_by, reviewed_at, featured_at""";

    private final JdbcClient jdbc;

    SubmissionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long assignmentId, long communityId, long accountId, String body, StoredFile file, boolean late,
                OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assignment_submissions (assignment_id, community_id, account_id, body, file_key, file_name,
                  file_size, submitted_at, late) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assignmentId, communityId, accountId, body, file == null ? null : file.key(),
                        file == null ? null : file.name(), file == null ? null : file.size(), now, late)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A revision in place, unless it was scored meanwhile (then 0). */
    int revise(long id, String body, StoredFile file, boolean keepFile, boolean late, OffsetDateTime now) {
        if (keepFile) {
            return jdbc.sql("update assignment_submissions set body = ?, late = ?, revised_at = ? where id = ? and score is null")
                    .params(body, late, now, id).update();
        }
        return jdbc.sql("""
                update assignment_submissions set body = ?, file_key = ?, file_name = ?, file_size = ?, late = ?,
                  revised_at = ? where id = ? and score is null""")
                .params(body, file == null ? null : file.key(), file == null ? null : file.name(),
                        file == null ? null : file.size(), late, now, id).update();
    }

    void review(long id, Integer score, String review, long by, OffsetDateTime now) {
        jdbc.sql("update assignment_submissions set score = ?, review = ?, reviewed_by = ?, reviewed_at = ? where id = ?")
                .params(score, review, by, now, id).update();
    }

    void feature(long id, boolean featured, OffsetDateTime now) {
        jdbc.sql("update assignment_submissions set featured_at = ? where id = ?").params(featured ? now : null, id).update();
    }

    void replaceImages(long submissionId, List<String> keys) {
        jdbc.sql("delete from assignment_submission_images where submission_id = ?").param(submissionId).update();
        int position = 0;
        for (var key : keys) {
            jdbc.sql("insert into assignment_submission_images (submission_id, position, file_key) values (?, ?, ?)")
                    .params(submissionId, position++, key).update();
        }
    }

    Map<Long, List<String>> imagesOf(Collection<Long> submissionIds) {
        var images = new LinkedHashMap<Long, List<String>>();
        if (submissionIds.isEmpty()) {
            return images;
        }
        jdbc.sql("select submission_id, file_key from assignment_submission_images where submission_id in (:ids) order by submission_id, position")
                .param("ids", submissionIds)
                .query((rs, n) -> images.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        return images;
    }

    boolean hasImage(long submissionId, String key) {
        return jdbc.sql("select count(*) from assignment_submission_images where submission_id = ? and file_key = ?")
                .params(submissionId, key).query(Long.class).single() > 0;
    }

    Optional<SubmissionRow> byId(long assignmentId, long id) {
        return jdbc.sql("select " + COLUMNS + " from assignment_submissions where assignment_id = ? and id = ?")
                .params(assignmentId, id).query(SubmissionStore::row).optional();
    }

    Optional<SubmissionRow> of(long assignmentId, long accountId) {
        return jdbc.sql("select " + COLUMNS + " from assignment_submissions where assignment_id = ? and account_id = ?")
                .params(assignmentId, accountId).query(SubmissionStore::row).optional();
    }

    /** Every submission (or the unscored ones), the earliest handed in first. */
    List<SubmissionRow> all(long assignmentId, boolean unscoredOnly, int limit) {
        return jdbc.sql("select " + COLUMNS + " from assignment_submissions where assignment_id = ?"
                        + (unscoredOnly ? " and score is null" : "") + " order by submitted_at, id limit ?")
                .params(assignmentId, limit).query(SubmissionStore::row).list();
    }

    List<SubmissionRow> featured(long assignmentId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from assignment_submissions where assignment_id = ? and featured_at is not null order by featured_at desc, id limit ?")
                .params(assignmentId, limit).query(SubmissionStore::row).list();
    }

    record Counts(long submitted, long scored, long late) {
    }

    Counts counts(long assignmentId) {
        return jdbc.sql("""
                select count(*), count(score), coalesce(sum(case when late then 1 else 0 end), 0)
                from assignment_submissions where assignment_id = ?""")
                .param(assignmentId).query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** The highest score given on the assignment, or -1 when none is scored. */
    int highestScore(long assignmentId) {
        return jdbc.sql("select coalesce(max(score), -1) from assignment_submissions where assignment_id = ?")
                .param(assignmentId).query(Integer.class).single();
    }

    Set<Long> submitters(long assignmentId) {
        return new HashSet<>(jdbc.sql("select account_id from assignment_submissions where assignment_id = ?")
                .param(assignmentId).query(Long.class).list());
    }

    /** Who was reminded of this assignment already (by any node). */
    Set<Long> reminded(long assignmentId) {
        return new HashSet<>(jdbc.sql("select account_id from assignment_reminders where assignment_id = ?")
                .param(assignmentId).query(Long.class).list());
    }

    /** 1 when this node takes the reminder of this member; 0 when it went out already. */
    int claimReminder(long assignmentId, long accountId, OffsetDateTime now) {
        return jdbc.sql("insert into assignment_reminders (assignment_id, account_id, sent_at) values (?, ?, ?) on conflict do nothing")
                .params(assignmentId, accountId, now).update();
    }

    private static SubmissionRow row(ResultSet rs, int n) throws SQLException {
        return new SubmissionRow(rs.getLong("id"), rs.getLong("assignment_id"), rs.getLong("account_id"),
                rs.getString("body"), rs.getString("file_key"), rs.getString("file_name"),
                rs.getObject("file_size", Long.class), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getObject("revised_at", OffsetDateTime.class), rs.getBoolean("late"),
                rs.getObject("score", Integer.class), rs.getString("review"), rs.getObject("reviewed_by", Long.class),
                rs.getObject("reviewed_at", OffsetDateTime.class), rs.getObject("featured_at", OffsetDateTime.class));
    }
}
