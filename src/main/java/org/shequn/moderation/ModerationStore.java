package org.shequn.moderation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shequn.shared.Cursor;
import org.shequn.shared.jdbc.NewestFirst;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reports, banned words and the moderation audit trail (mutes are kept by membership, with the member's standing). */
@Repository
class ModerationStore {

    record ReportRow(long id, long communityId, Long postId, Long commentId, long reporterId, String reason,
                     ReportStatus status, OffsetDateTime createdAt) {
    }

    record WordRow(String word, WordMode mode) {
    }

    record AuditRow(long id, long actorId, AuditAction action, Long postId, Long commentId, Long subjectId, String detail,
                    OffsetDateTime createdAt) {
    }

    private static final String REPORT = "id, community_id, post_id, comment_id, reporter_id, reason, status, created_at";

    private final JdbcClient jdbc;

    ModerationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Files an open report; a second open report by the same member on the same item breaks the unique index on
     * {@code open_target} (a {@link org.springframework.dao.DuplicateKeyException}), however simultaneous.
     */
    long report(long communityId, Long postId, Long commentId, long reporterId, String reason, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into moderation_reports (community_id, post_id, comment_id, reporter_id, reason, status, created_at,
                                                open_target)
                values (?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(communityId, postId, commentId, reporterId, reason, now,
                        postId != null ? "post:" + postId : "comment:" + commentId)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int openCount(long communityId, int cap) {
        return jdbc.sql("select count(*) from (select 1 from moderation_reports where community_id = ? and status = 'OPEN' limit ?) r")
                .params(communityId, cap).query(Integer.class).single();
    }

    boolean hasOpenReport(long reporterId, Long postId, Long commentId) {
        return jdbc.sql("select count(*) from moderation_reports where reporter_id = ? and status = 'OPEN' and "
                        + (postId != null ? "post_id = ?" : "comment_id = ?"))
                .params(reporterId, postId != null ? postId : commentId).query(Integer.class).single() > 0;
    }

    Optional<ReportRow> report(long communityId, long id) {
        return jdbc.sql("select " + REPORT + " from moderation_reports where id = ? and community_id = ?")
                .params(id, communityId).query(Rows.of(ReportRow.class)).optional();
    }

    /** One page of reports in a status, newest first, after {@code before} (null: the first page). */
    List<ReportRow> reports(long communityId, ReportStatus status, Cursor before, int limit) {
        var params = new ArrayList<Object>(List.of(communityId, status.name()));
        return jdbc.sql("select " + REPORT + " from moderation_reports where community_id = ? and status = ?"
                        + NewestFirst.after(before, params, limit))
                .params(params).query(Rows.of(ReportRow.class)).list();
    }

    void closeReport(long id, ReportStatus status, long by, OffsetDateTime now) {
        jdbc.sql("""
                update moderation_reports set status = ?, handled_at = ?, handled_by = ?, open_target = null
                where id = ? and status = 'OPEN'""")
                .params(status.name(), now, by, id).update();
    }

    /** Every open report on one item is resolved when a moderator acts on the item. */
    void resolveReports(long communityId, Long postId, Long commentId, long by, OffsetDateTime now) {
        jdbc.sql("update moderation_reports set status = 'RESOLVED', handled_at = ?, handled_by = ?, open_target = null"
                        + " where community_id = ?"
                        + " and status = 'OPEN' and " + (postId != null ? "post_id = ?" : "comment_id = ?"))
                .params(now, by, communityId, postId != null ? postId : commentId).update();
    }

    List<WordRow> words(long communityId) {
        return jdbc.sql("select word, mode from moderation_words where community_id = ? order by word")
                .param(communityId).query(Rows.of(WordRow.class)).list();
    }

    void replaceWords(long communityId, List<WordRow> words) {
        jdbc.sql("delete from moderation_words where community_id = ?").param(communityId).update();
        for (var w : words) {
            jdbc.sql("insert into moderation_words (community_id, word, mode) values (?, ?, ?)")
                    .params(communityId, w.word(), w.mode().name()).update();
        }
    }

    /** Returns the audit entry's id. */
    long audit(long communityId, long actorId, AuditAction action, Long postId, Long commentId, Long subjectId, String detail,
               OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into moderation_audit (community_id, actor_id, action, post_id, comment_id, subject_id, detail, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(communityId, actorId, action.name(), postId, commentId, subjectId,
                        detail.length() > 500 ? detail.substring(0, 500) : detail, now).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<AuditRow> audit(long communityId, Cursor before, int limit) {
        var params = new ArrayList<Object>(List.of(communityId));
        return jdbc.sql("""
                select id, actor_id, action, post_id, comment_id, subject_id, detail, created_at from moderation_audit
                where community_id = ?""" + NewestFirst.after(before, params, limit))
                .params(params).query(Rows.of(AuditRow.class)).list();
    }
}
