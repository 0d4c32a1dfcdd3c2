package org.shequn.content;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
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
                .params(id, communityId).query(CommentRow.class).optional();
    }

    /** A post's comments, oldest first (deleted ones too: a deleted comment with replies leaves a placeholder). */
    List<CommentRow> ofPost(long postId) {
        return jdbc.sql("select " + COLUMNS + " from comments where post_id = ? order by created_at, id")
                .param(postId).query(CommentRow.class).list();
    }

    void setHidden(long id, OffsetDateTime now, Long by) {
        jdbc.sql("update comments set hidden_at = ?, hidden_by = ? where id = ?").params(now, by, id).update();
    }

    /** Comments held by a banned word, waiting for approval, newest first. */
    List<CommentRow> held(long communityId) {
        return jdbc.sql("select " + COLUMNS + """
                 from comments where community_id = ? and hidden_at is not null and hidden_by is null and deleted_at is null
                order by created_at desc, id desc""").param(communityId).query(CommentRow.class).list();
    }

    int writtenSince(long communityId, long authorId, OffsetDateTime since) {
        return jdbc.sql("select count(*) from comments where community_id = ? and author_id = ? and created_at > ?")
                .params(communityId, authorId, since).query(Integer.class).single();
    }

    void softDelete(long id, long by, OffsetDateTime now) {
        jdbc.sql("update comments set deleted_at = ?, deleted_by = ? where id = ?").params(now, by, id).update();
    }
}
