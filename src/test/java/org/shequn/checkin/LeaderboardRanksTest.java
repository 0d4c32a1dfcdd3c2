package org.shequn.checkin;

import org.junit.jupiter.api.Test;
import org.shequn.checkin.CheckInStore.StatsRow;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The place on the leaderboard, counted for small boards and read from the figures' histogram for large ones. */
class LeaderboardRanksTest {

    /** A board of 5,000 members: 3,000 with 5 days (1,000 of them with a 5-day streak), 2,000 with 3 days. */
    static class LargeBoard extends CheckInStore {
        final AtomicInteger histogramsRead = new AtomicInteger();

        LargeBoard() {
            super(null);
        }

        @Override
        long ahead(long challengeId, StatsRow s, int upTo) {
            long exact = new LeaderboardRanks.Histogram(table()).ahead(s.totalDays(), s.longestStreak());
            return Math.min(exact, upTo);
        }

        @Override
        int[][] figures(long challengeId) {
            histogramsRead.incrementAndGet();
            return table();
        }

        private static int[][] table() {
            return new int[][]{{5, 5, 1_000}, {5, 2, 2_000}, {3, 3, 2_000}};
        }
    }

    private static StatsRow figures(int days, int longestStreak) {
        return new StatsRow(42, days, days, 0, 0, longestStreak, null, longestStreak);
    }

    @Test
    void membersWithTheSameFiguresShareAPlace() {
        var ranks = new LeaderboardRanks(new LargeBoard());
        assertThat(ranks.rank(1, figures(5, 5))).isEqualTo(1);
        assertThat(ranks.rank(1, figures(5, 2))).isEqualTo(1_001);
        assertThat(ranks.rank(1, figures(5, 3))).isEqualTo(1_001);
        assertThat(ranks.rank(1, figures(4, 9))).isEqualTo(3_001);
        assertThat(ranks.rank(1, figures(3, 3))).isEqualTo(3_001);
        assertThat(ranks.rank(1, figures(0, 0))).as("no day done: not on the board").isZero();
    }

    @Test
    void farDownALargeBoardThePlaceComesFromOneHistogramPerChallenge() {
        var board = new LargeBoard();
        var ranks = new LeaderboardRanks(board);
        assertThat(ranks.rank(1, figures(5, 5))).isEqualTo(1);
        assertThat(board.histogramsRead).as("near the top a count is enough").hasValue(0);
        for (int i = 0; i < 100; i++) {
            assertThat(ranks.rank(1, figures(3, 3))).isEqualTo(3_001);
        }
        assertThat(board.histogramsRead).hasValue(1);
        assertThat(ranks.rank(2, figures(3, 1))).isEqualTo(5_001);
        assertThat(board.histogramsRead).as("each challenge its own").hasValue(2);
    }
}
