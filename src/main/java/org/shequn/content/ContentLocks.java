package org.shequn.content;

import java.util.List;
import org.shequn.shared.jdbc.LockRows;
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

    private final LockRows rows;

    ContentLocks(JdbcClient jdbc) {
        this.rows = new LockRows(jdbc, "content_locks", List.of("community_id", "account_id"));
    }

    /** Locks the community for posts, pins and sections. */
    @Transactional(propagation = Propagation.MANDATORY)
    void community(long communityId) {
        rows.lock(communityId, WHOLE_COMMUNITY);
    }

    /** Locks one member's writing in a community (comments). */
    @Transactional(propagation = Propagation.MANDATORY)
    void member(long communityId, long accountId) {
        rows.lock(communityId, accountId);
    }
}
