package org.shequn.content;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serializes count-then-write checks (rate limits, pins, sections) across threads and nodes: the caller's
 * transaction locks a row of {@code content_locks} before it counts, and keeps the lock until it commits, so
 * the next request counts what the previous one wrote. Works alike on H2 and PostgreSQL (READ COMMITTED: each
 * statement after the lock sees the rows committed before it).
 */
@Repository
class ContentLocks {

    private static final long WHOLE_COMMUNITY = 0;

    private final JdbcClient jdbc;

    ContentLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the community for posts, pins and sections. */
    @Transactional(propagation = Propagation.MANDATORY)
    void community(long communityId) {
        lock(communityId, WHOLE_COMMUNITY);
    }

    /** Locks one member's writing in a community (comments). */
    @Transactional(propagation = Propagation.MANDATORY)
    void member(long communityId, long accountId) {
        lock(communityId, accountId);
    }

    private void lock(long communityId, long key) {
        if (select(communityId, key)) {
            return;
        }
        // first use: a simultaneous first use waits for ours and then inserts nothing
        jdbc.sql("insert into content_locks (community_id, account_id) values (?, ?) on conflict do nothing")
                .params(communityId, key).update();
        select(communityId, key);
    }

    private boolean select(long communityId, long key) {
        return jdbc.sql("select community_id from content_locks where community_id = ? and account_id = ? for update")
                .params(communityId, key).query(Long.class).optional().isPresent();
    }
}
