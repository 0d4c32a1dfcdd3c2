package org.shequn.social;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.shequn.shared.Cursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The follows table: who follows whom. A friendship is a pair of follows, one each way. */
@Repository
class Follows {

    /** Friends of :me with the time the friendship began (the later of the two follows). */
    private static final String FRIENDS = """
            select f.followee_id as other_id,
                   case when f.created_at > b.created_at then f.created_at else b.created_at end as since
            from follows f
            join follows b on b.follower_id = f.followee_id and b.followee_id = f.follower_id
            where f.follower_id = :me""";

    private final JdbcClient jdbc;

    Follows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the follow already existed (also when a concurrent request just added it). */
    boolean add(long follower, long followee, OffsetDateTime now) {
        return jdbc.sql("insert into follows (follower_id, followee_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(follower, followee, now).update() == 1;
    }

    void remove(long follower, long followee) {
        jdbc.sql("delete from follows where follower_id = ? and followee_id = ?").params(follower, followee).update();
    }

    /** For other modules' feeds: the newest follows first (follows_follower_ix). */
    List<Long> followees(long follower, int limit) {
        return jdbc.sql("select followee_id from follows where follower_id = ? order by created_at desc, followee_id desc limit "
                + limit).param(follower).query(Long.class).list();
    }

    boolean exists(long follower, long followee) {
        return jdbc.sql("select count(*) from follows where follower_id = ? and followee_id = ?")
                .params(follower, followee).query(Integer.class).single() > 0;
    }

    long followerCount(long accountId) {
        return jdbc.sql("select count(*) from follows where followee_id = ?").param(accountId).query(Long.class).single();
    }

    long followingCount(long accountId) {
        return jdbc.sql("select count(*) from follows where follower_id = ?").param(accountId).query(Long.class).single();
    }

    long friendCount(long accountId) {
        return jdbc.sql("select count(*) from (" + FRIENDS + ") x").param("me", accountId).query(Long.class).single();
    }

    /**
     * Friends of both {@code a} and {@code b}, except a, b and anyone blocked by or blocking {@code a}
     * (the viewer); lowest ids first. One query: four follows joined around the shared friend.
     */
    List<Long> mutualFriends(long a, long b, int limit) {
        return jdbc.sql("""
                select fa.followee_id from follows fa
                join follows af on af.follower_id = fa.followee_id and af.followee_id = fa.follower_id
                join follows fb on fb.follower_id = :b and fb.followee_id = fa.followee_id
                join follows bf on bf.follower_id = fa.followee_id and bf.followee_id = :b
                where fa.follower_id = :a and fa.followee_id <> :a and fa.followee_id <> :b
                  and not exists (select 1 from blocks k
                                  where (k.blocker_id = :a and k.blocked_id = fa.followee_id)
                                     or (k.blocker_id = fa.followee_id and k.blocked_id = :a))
                order by fa.followee_id
                limit :limit""")
                .param("a", a).param("b", b).param("limit", limit)
                .query(Long.class).list();
    }

    List<Keyset.Row> followers(long me, Cursor after, int size) {
        return Keyset.rows(jdbc, "select follower_id as other_id, created_at as since from follows where followee_id = :me",
                Map.of("me", me), after, size);
    }

    List<Keyset.Row> following(long me, Cursor after, int size) {
        return Keyset.rows(jdbc, "select followee_id as other_id, created_at as since from follows where follower_id = :me",
                Map.of("me", me), after, size);
    }

    List<Keyset.Row> friends(long me, Cursor after, int size) {
        return Keyset.rows(jdbc, FRIENDS, Map.of("me", me), after, size);
    }
}
