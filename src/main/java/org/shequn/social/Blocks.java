package org.shequn.social;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shequn.shared.Cursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The blocks table: who has blocked whom. */
@Repository
class Blocks {

    private final JdbcClient jdbc;

    Blocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the block already existed. */
    boolean add(long blocker, long blocked, OffsetDateTime now) {
        return jdbc.sql("insert into blocks (blocker_id, blocked_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(blocker, blocked, now).update() == 1;
    }

    /** Whether there was a block to lift. */
    boolean remove(long blocker, long blocked) {
        return jdbc.sql("delete from blocks where blocker_id = ? and blocked_id = ?").params(blocker, blocked).update() > 0;
    }

    boolean exists(long blocker, long blocked) {
        return jdbc.sql("select count(*) from blocks where blocker_id = ? and blocked_id = ?")
                .params(blocker, blocked).query(Integer.class).single() > 0;
    }

    boolean eitherWay(long a, long b) {
        return jdbc.sql("""
                select count(*) from blocks
                where (blocker_id = :a and blocked_id = :b) or (blocker_id = :b and blocked_id = :a)""")
                .param("a", a).param("b", b).query(Integer.class).single() > 0;
    }

    Set<Long> eitherWay(long accountId) {
        return new LinkedHashSet<>(jdbc.sql("""
                select blocked_id from blocks where blocker_id = :id
                union
                select blocker_id from blocks where blocked_id = :id""")
                .param("id", accountId).query(Long.class).list());
    }

    List<Keyset.Row> blockedBy(long blocker, Cursor after, int size) {
        return Keyset.rows(jdbc, "select blocked_id as other_id, created_at as since from blocks where blocker_id = :me",
                Map.of("me", blocker), after, size);
    }
}
