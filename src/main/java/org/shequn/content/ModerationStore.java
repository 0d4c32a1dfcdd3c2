package org.shequn.content;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shequn.shared.Cursor;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reports, banned words and the moderation audit trail (mutes are kept by membership, with the member's standing). */
@Repository
class ModerationStore {

    /** Reports, held posts and comments, and the audit trail are shown this many at a time, newest first. */
    static final int PAGE_SIZE = 20;

    record ReportRow(long id, long communityId, Long postId, Long commentId, long reporterId, String reason,
                     String status, OffsetDateTime createdAt) {
    }

    record WordRow(String word, String mode) {
    }

    record AuditRow(long id, long actorId, String action, Long postId, Long commentId, Long subjectId, String detail,
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
    List<ReportRow> reports(long communityId, String status, Cursor before, int limit) {
        var params = new ArrayList<Object>(List.of(communityId, status));
        return jdbc.sql("select " + REPORT + " from moderation_reports where community_id = ? and status = ?"
                        + newestFirst(before, params, limit))
                .params(params).query(Rows.of(ReportRow.class)).list();
    }

    void closeReport(long id, String status, long by, OffsetDateTime now) {
        jdbc.sql("""
                update moderation_reports set status = ?, handled_at = ?, handled_by = ?, open_target = null
                where id = ? and status = 'OPEN'""")
                .params(status, now, by, id).update();
    }

    /** Every open report on one item is resolved when a moderator acts on the item. */
    void resolveReports(long communityId, Long postId, Long commentId, long by, OffsetDateTime now) {
        jdbc.sql("update moderation_reports set status = 'RESOLVED', handled_at = ?, handled_by = ?, open_target = null"
                        + " where community_id = ?"
                        + " and status = 'OPEN' and " + (postId != null ? "post_id = ?" : "comment_id = ?"))
                .params(now, by, communityId, postId != null ? postId : commentId).update();
    }

    /** Posts held by a banned word, waiting for approval: one page, newest first. */
    List<PostRow> held(long communityId, Cursor before, int limit) {
        var params = new ArrayList<Object>(List.of(communityId));
        return jdbc.sql("select " + PostStore.COLUMNS
                        + " from posts where community_id = ? and hidden_at is not null and hidden_by is null"
                        + " and deleted_at is null"
                        + newestFirst(before, params, limit))
                .params(params).query(Rows.of(PostRow.class)).list();
    }

    /**
     * The keyset tail of a newest-first page: rows strictly after {@code before} in (created_at, id) descending
     * order, so rows written meanwhile never shift a later page. Adds its values to {@code params}.
     */
    static String newestFirst(Cursor before, List<Object> params, int limit) {
        var sql = new StringBuilder();
        if (before != null) {
            var at = before.time();
            sql.append(" and created_at <= ? and (created_at < ? or id < ?)");
            params.addAll(List.of(at, at, before.id()));
        }
        return sql.append(" order by created_at desc, id desc limit ").append(Math.max(1, limit)).toString();
    }

    List<WordRow> words(long communityId) {
        return jdbc.sql("select word, mode from moderation_words where community_id = ? order by word")
                .param(communityId).query(Rows.of(WordRow.class)).list();
    }

    void replaceWords(long communityId, List<WordRow> words) {
        jdbc.sql("delete from moderation_words where community_id = ?").param(communityId).update();
        for (var w : words) {
            jdbc.sql("insert into moderation_words (community_id, word, mode) values (?, ?, ?)")
                    .params(communityId, w.word(), w.mode()).update();
        }
    }

    /** Returns the audit entry's id. */
    long audit(long communityId, long actorId, String action, Long postId, Long commentId, Long subjectId, String detail,
               OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into moderation_audit (community_id, actor_id, action, post_id, comment_id, subject_id, detail, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(communityId, actorId, action, postId, commentId, subjectId,
                        detail.length() > 500 ? detail.substring(0, 500) : detail, now).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<AuditRow> audit(long communityId, Cursor before, int limit) {
        var params = new ArrayList<Object>(List.of(communityId));
        return jdbc.sql("""
                select id, actor_id, action, post_id, comment_id, subject_id, detail, created_at from moderation_audit
                where community_id = ?""" + newestFirst(before, params, limit))
                .params(params).query(Rows.of(AuditRow.class)).list();
    }
}
