package org.shequn.notification;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** New posts as the daily digest tells of them: fed by PostPublished, forgotten when removed or after a week. */
@Repository
class DigestPosts {

    record DigestPost(long postId, long communityId, long authorId, String title, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    DigestPosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(DigestPost p) {
        jdbc.sql("insert into digest_posts (post_id, community_id, author_id, title, created_at) values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(p.postId(), p.communityId(), p.authorId(), p.title(), p.createdAt()).update();
    }

    void remove(long postId) {
        jdbc.sql("delete from digest_posts where post_id = ?").param(postId).update();
    }

    List<Long> communitiesWithPostsSince(OffsetDateTime since) {
        return jdbc.sql("select distinct community_id from digest_posts where created_at > ?").param(since)
                .query(Long.class).list();
    }

    int count(long communityId, OffsetDateTime since, long exceptAuthorId) {
        return jdbc.sql("select count(*) from digest_posts where community_id = ? and created_at > ? and author_id <> ?")
                .params(communityId, since, exceptAuthorId).query(Integer.class).single();
    }

    /** Newest first. */
    List<DigestPost> latest(long communityId, OffsetDateTime since, long exceptAuthorId, int limit) {
        return jdbc.sql("""
                select post_id, community_id, author_id, title, created_at from digest_posts
                where community_id = ? and created_at > ? and author_id <> ? order by created_at desc, post_id desc limit ?""")
                .params(communityId, since, exceptAuthorId, limit)
                .query((rs, n) -> new DigestPost(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class))).list();
    }

    int purgeBefore(OffsetDateTime before) {
        return jdbc.sql("delete from digest_posts where created_at < ?").param(before).update();
    }
}
