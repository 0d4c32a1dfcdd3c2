package org.shequn.content;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The post_media table: images and attachments, attached to a post or waiting (post_id null) for one. */
@Repository
class PostMediaStore {

    private static final String COLUMNS = """
            id, community_id, post_id, uploader_id, kind, file_key, thumb_key, file_name, declared_type, size_bytes,
            position, created_at""";

    record MediaRow(long id, long communityId, Long postId, long uploaderId, String kind, String fileKey,
                    String thumbKey, String fileName, String declaredType, long sizeBytes, int position, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    PostMediaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long communityId, long uploaderId, String kind, String fileKey, String thumbKey, String fileName,
                String declaredType, long size, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into post_media (community_id, uploader_id, kind, file_key, thumb_key, file_name, declared_type,
                                        size_bytes, position, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(communityId, uploaderId, kind, fileKey, thumbKey, fileName, declaredType, size, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<MediaRow> byId(long communityId, long id) {
        return jdbc.sql("select " + COLUMNS + " from post_media where id = ? and community_id = ?")
                .params(id, communityId).query(Rows.of(MediaRow.class)).optional();
    }

    /** The row a file key (full size or thumbnail) belongs to, inside one community. */
    Optional<MediaRow> byKey(long communityId, String key) {
        return jdbc.sql("select " + COLUMNS + " from post_media where (file_key = :k or thumb_key = :k) and community_id = :c")
                .param("k", key).param("c", communityId).query(Rows.of(MediaRow.class)).optional();
    }

    List<MediaRow> ofPost(long postId) {
        return jdbc.sql("select " + COLUMNS + " from post_media where post_id = ? order by kind desc, position, id")
                .param(postId).query(Rows.of(MediaRow.class)).list();
    }

    /** Images of several posts (feed cards), in order, keyed by post. */
    Map<Long, List<MediaRow>> imagesOf(Collection<Long> postIds) {
        var result = new LinkedHashMap<Long, List<MediaRow>>();
        if (postIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select " + COLUMNS + " from post_media where post_id in (:ids) and kind = 'IMAGE' order by position, id")
                .param("ids", postIds).query(Rows.of(MediaRow.class)).list()
                .forEach(m -> result.computeIfAbsent(m.postId(), k -> new java.util.ArrayList<>()).add(m));
        return result;
    }

    /** An uploader's uploads of one kind not yet part of a post, newer than {@code since}. */
    int pending(long communityId, long uploaderId, String kind, OffsetDateTime since) {
        return jdbc.sql("""
                select count(*) from post_media where uploader_id = ? and community_id = ? and post_id is null
                and kind = ? and created_at > ?""").params(uploaderId, communityId, kind, since)
                .query(Integer.class).single();
    }

    /** An uploader's abandoned uploads (never referenced by a post, older than {@code before}). */
    List<MediaRow> abandoned(long communityId, long uploaderId, OffsetDateTime before) {
        return jdbc.sql("select " + COLUMNS
                        + " from post_media where uploader_id = ? and community_id = ? and post_id is null and created_at <= ?")
                .params(uploaderId, communityId, before).query(Rows.of(MediaRow.class)).list();
    }

    void place(long id, long postId, int position) {
        jdbc.sql("update post_media set post_id = ?, position = ? where id = ?").params(postId, position, id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from post_media where id = ?").param(id).update();
    }
}
