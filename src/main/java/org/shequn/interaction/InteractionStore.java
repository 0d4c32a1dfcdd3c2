package org.shequn.interaction;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InteractionStore {

    private final JdbcClient jdbc;

    InteractionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Long communityId, long actorId, Long otherId, InteractionKind kind, String place, OffsetDateTime at) {
        jdbc.sql("""
                insert into interactions (community_id, actor_id, other_id, kind, place, occurred_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(communityId, actorId, otherId, kind.name(), place, at).update();
    }

    Map<Long, Integer> activity(long communityId, OffsetDateTime since) {
        var counts = new HashMap<Long, Integer>();
        jdbc.sql("select actor_id, count(*) from interactions where community_id = ? and occurred_at >= ? group by actor_id")
                .params(communityId, since).query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    List<Interaction> inCommunity(long communityId, long afterId, int limit) {
        return jdbc.sql("""
                select id, community_id, actor_id, other_id, kind, place, occurred_at from interactions
                where community_id = ? and id > ? order by id fetch first ? rows only""")
                .params(communityId, afterId, limit)
                .query((rs, n) -> new Interaction(rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3),
                        rs.getObject(4, Long.class), InteractionKind.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class))).list();
    }
}
