package org.shequn.content;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When each member last opened a community's feed: posts newer than the visit before are "new". */
@Repository
class FeedVisits {

    private final JdbcClient jdbc;

    FeedVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * When the member last opened the feed: the time that marks "new" for this visit (null on a first visit:
     * nothing is marked then, or everything would be). {@link #record} then moves it to now.
     */
    OffsetDateTime last(long communityId, long accountId) {
        return jdbc.sql("select visited_at from feed_visits where community_id = ? and account_id = ?")
                .params(communityId, accountId).query(OffsetDateTime.class).optional().orElse(null);
    }

    /**
     * Records a visit now, after {@link #last} answered {@code last}. Callers make this the last statement of
     * their transaction: the row stays locked until commit, and a member's concurrent feed reads (tabs, API
     * clients) would otherwise queue behind each other for the whole page read.
     */
    void record(long communityId, long accountId, OffsetDateTime last, OffsetDateTime now) {
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

    /** The "new" mark for further pages of the same visit, without recording another visit. */
    OffsetDateTime previous(long communityId, long accountId) {
        return jdbc.sql("select previous_visit_at from feed_visits where community_id = ? and account_id = ?")
                .params(communityId, accountId).query(OffsetDateTime.class).optional().orElse(null);
    }
}
