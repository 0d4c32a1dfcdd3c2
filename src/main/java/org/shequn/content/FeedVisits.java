package org.shequn.content;

import java.time.OffsetDateTime;
import org.shequn.shared.jdbc.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When each member last opened a community's feed: posts newer than the visit before are "new". */
@Repository
class FeedVisits {

    private final JdbcClient jdbc;
    private final boolean postgres;

    FeedVisits(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.postgres = database.postgres();
    }

    /** The member's last visit and the one before (either null); null when the member never opened the feed. */
    record Seen(OffsetDateTime visitedAt, OffsetDateTime previousAt) {
    }

    /**
     * When the member last opened the feed, and the visit before: the first marks "new" for a visit starting
     * now (nothing is marked on a first visit, or everything would be), the second for further pages of the
     * visit in progress. {@link #record} then moves them on.
     */
    Seen of(long communityId, long accountId) {
        return jdbc.sql("select visited_at, previous_visit_at from feed_visits where community_id = ? and account_id = ?")
                .params(communityId, accountId)
                .query((rs, n) -> new Seen(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)))
                .optional().orElse(null);
    }

    /**
     * Records a visit now; {@code last} is the visit {@link #of} answered (null: none). Callers make this the last statement of
     * their transaction: the row stays locked until commit, and a member's concurrent feed reads (tabs, API
     * clients) would otherwise queue behind each other for the whole page read.
     */
    void record(long communityId, long accountId, OffsetDateTime last, OffsetDateTime now) {
        if (postgres) {
            // A visit mark lost in a crash is harmless, and this write turns every first feed page into a
            // committing transaction: on PostgreSQL its commit need not wait for the log to reach the disk.
            jdbc.sql("set local synchronous_commit to off").update();
        }
        if (last == null) {
            jdbc.sql("""
                    insert into feed_visits (community_id, account_id, previous_visit_at, visited_at)
                    values (?, ?, null, ?) on conflict do nothing""").params(communityId, accountId, now).update();
        } else {
            jdbc.sql("""
                    update feed_visits set previous_visit_at = visited_at, visited_at = ?
                    where community_id = ? and account_id = ?""").params(now, communityId, accountId).update();
        }
    }
}
