package org.shequn.reaction;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reactions table: one row per member, target and reaction. The primary key makes a second identical row
 * impossible, and every count is computed from the rows, so parallel toggles cannot make a count drift.
 */
@Repository
class ReactionStore {

    /** One group of reactions on a target; {@code commentId} 0 is the post itself. */
    record Group(long commentId, String reaction, int count, boolean mine) {
    }

    private final JdbcClient jdbc;

    ReactionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the row is new (ON CONFLICT DO NOTHING: the same statement on H2 and PostgreSQL). */
    boolean add(long communityId, long postId, long commentId, long accountId, String reaction, OffsetDateTime now) {
        return jdbc.sql("""
                insert into reactions (post_id, comment_id, account_id, reaction, community_id, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(postId, commentId, accountId, reaction, communityId, now).update() == 1;
    }

    boolean remove(long postId, long commentId, long accountId, String reaction) {
        return jdbc.sql("delete from reactions where post_id = ? and comment_id = ? and account_id = ? and reaction = ?")
                .params(postId, commentId, accountId, reaction).update() == 1;
    }

    /** Every group of reactions on a post and its comments, in order of first use. */
    List<Group> ofPost(long postId, long viewerId) {
        return jdbc.sql("""
                select comment_id, reaction, count(*) as n,
                       sum(case when account_id = ? then 1 else 0 end) as mine, min(created_at) as first_at
                from reactions where post_id = ? group by comment_id, reaction order by first_at, reaction""")
                .params(viewerId, postId)
                .query((rs, n) -> new Group(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4) > 0)).list();
    }

    /**
     * Which of these posts the account liked, in one query for a whole feed page (primary-key lookups: post,
     * target 0, account, 'like').
     */
    java.util.Set<Long> likedBy(long accountId, Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                select post_id from reactions
                where post_id in (:ids) and comment_id = 0 and account_id = :me and reaction = 'like'""")
                .param("ids", postIds).param("me", accountId).query(Long.class).list());
    }

    /** The counts of each reaction on one target ({@code commentId} 0: the post), for a live update. */
    Map<String, Integer> ofTarget(long postId, long commentId) {
        var counts = new java.util.LinkedHashMap<String, Integer>();
        jdbc.sql("select reaction, count(*) from reactions where post_id = ? and comment_id = ? group by reaction")
                .params(postId, commentId).query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    /** Likes on posts (not their comments), for a feed page: post id → count. */
    Map<Long, Integer> likes(long communityId, Collection<Long> postIds) {
        var result = new HashMap<Long, Integer>();
        if (postIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                select post_id, count(*) from reactions
                where post_id in (:ids) and comment_id = 0 and reaction = 'like' and community_id = :c group by post_id""")
                .param("ids", postIds).param("c", communityId)
                .query((rs, n) -> result.put(rs.getLong(1), rs.getInt(2))).list();
        return result;
    }
}
