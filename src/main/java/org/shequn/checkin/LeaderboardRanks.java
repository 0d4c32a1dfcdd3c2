package org.shequn.checkin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.shequn.checkin.CheckInStore.StatsRow;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * A member's place on the leaderboard: 1 + the members with strictly better figures (more days, or as many days and a
 * longer streak), so members with the same figures share a place (1, 2, 2, 4). Counting those ahead walks every one of
 * them, fine for a few thousand and not at a deadline peak of 20,000 members each opening their calendar; so the count
 * stops at {@link #COUNTED}, and past it the place comes from a histogram of the challenge's figures (one row per
 * distinct days-and-streak pair) that each node keeps for {@link #FRESH}. The member's own figures are always current;
 * others' check-ins of the last few seconds may not be counted yet, far down a large board where that is a place or two.
 */
@Component
class LeaderboardRanks {

    static final int COUNTED = 2_000;
    static final Duration FRESH = Duration.ofSeconds(5);

    private final CheckInStore store;
    private final Cache<Long, Histogram> histograms = Caffeine.newBuilder().maximumSize(500).expireAfterWrite(FRESH).build();

    LeaderboardRanks(CheckInStore store) {
        this.store = store;
    }

    /** 0 while the member has no day done: they are not on the board. */
    long rank(long challengeId, StatsRow mine) {
        if (mine.totalDays() == 0) {
            return 0;
        }
        var histogram = histograms.getIfPresent(challengeId);
        if (histogram == null) {
            long ahead = store.ahead(challengeId, mine, COUNTED);
            if (ahead < COUNTED) {
                return ahead + 1;
            }
            histogram = histograms.get(challengeId, id -> new Histogram(store.figures(id)));
        }
        return histogram.ahead(mine.totalDays(), mine.longestStreak()) + 1;
    }

    /** How many members have each pair of figures: {@code pairs[i] = {totalDays, longestStreak, members}}. */
    record Histogram(int[][] pairs) {
        long ahead(int totalDays, int longestStreak) {
            long ahead = 0;
            for (var p : pairs) {
                if (p[0] > totalDays || (p[0] == totalDays && p[1] > longestStreak)) {
                    ahead += p[2];
                }
            }
            return ahead;
        }
    }
}
