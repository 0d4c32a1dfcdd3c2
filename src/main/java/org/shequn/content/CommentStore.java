package org.shequn.content;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shequn.shared.Cursor;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The comments table. */
@Repository
class CommentStore {

    private static final String COLUMNS = "id, post_id, community_id, parent_id, author_id, body, created_at, deleted_at, hidden_at, hidden_by";

    private final JdbcClient jdbc;

    CommentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(PostRow post, Long parentId, long authorId, String body, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into comments (post_id, community_id, parent_id, author_id, body, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(post.id(), post.communityId(), parentId, authorId, body, now).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<CommentRow> byId(long communityId, long id) {
        return jdbc.sql("select " + COLUMNS + " from comments where id = ? and community_id = ?")
                .params(id, communityId).query(Rows.of(CommentRow.class)).optional();
    }

    /**
     * The comments of a post whose reactions the viewer may not see: deleted ones, and hidden ones unless the
     * viewer runs the community or wrote the held comment (the same rule as the thread on the post page).
     */
    java.util.Set<Long> unseen(long postId, long viewerId, boolean runs) {
        var sql = "select id from comments where post_id = ? and (deleted_at is not null"
                + (runs ? ")" : " or (hidden_at is not null and not (hidden_by is null and author_id = ?)))");
        var spec = jdbc.sql(sql).param(postId);
        if (!runs) {
            spec = spec.param(viewerId);
        }
        return new java.util.HashSet<>(spec.query(Long.class).list());
    }

    /** A post's comments, oldest first (deleted ones too: a deleted comment with replies leaves a placeholder). */
    List<CommentRow> ofPost(long postId) {
        return jdbc.sql("select " + COLUMNS + " from comments where post_id = ? order by created_at, id")
                .param(postId).query(Rows.of(CommentRow.class)).list();
    }

    /** The only write of a comment's state. */
    void apply(CommentLifecycle.Transition transition) {
        var change = transition.change();
        if (change.to() == ContentState.DELETED) {
            jdbc.sql("update comments set deleted_at = ?, deleted_by = ? where id = ?")
                    .params(change.deletedAt(), change.deletedBy(), transition.commentId()).update();
        } else {
            jdbc.sql("update comments set hidden_at = ?, hidden_by = ? where id = ?")
                    .params(change.hiddenAt(), change.hiddenBy(), transition.commentId()).update();
        }
    }

    /** Comments held by a banned word, waiting for approval: one page, newest first. */
    List<CommentRow> held(long communityId, Cursor before, int limit) {
        var params = new ArrayList<Object>(List.of(communityId));
        return jdbc.sql("select " + COLUMNS
                        + " from comments where community_id = ? and hidden_at is not null and hidden_by is null"
                        + " and deleted_at is null"
                        + org.shequn.shared.jdbc.NewestFirst.after(before, params, limit))
                .params(params).query(Rows.of(CommentRow.class)).list();
    }

    /** Comments by one author since {@code since}, counted up to {@code cap} (all a rate limit needs to know). */
    int writtenSince(long communityId, long authorId, OffsetDateTime since, int cap) {
        return jdbc.sql("""
                select count(*) from (select 1 from comments where community_id = ? and author_id = ? and created_at > ?
                limit ?) recent""")
                .params(communityId, authorId, since, cap).query(Integer.class).single();
    }

    /** The sticker a comment carries (then it may have no text); chosen from the reaction module's packs. */
    void attachSticker(long commentId, long stickerId) {
        jdbc.sql("update comments set sticker_id = ? where id = ?").params(stickerId, commentId).update();
    }

    /** comment id → sticker id, for a post's comments that carry one. */
    Map<Long, Long> stickers(long postId) {
        return jdbc.sql("select id, sticker_id from comments where post_id = ? and sticker_id is not null")
                .param(postId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
