package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The hot order as a reader notices it, without pinning the formula's numbers. */
class HotScoreTest {

    private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneOffset.UTC);

    private static double score(int reactions, int comments, int participants, OffsetDateTime createdAt) {
        return HotScore.of(HotScore.weight(reactions, comments, participants), createdAt);
    }

    @Test
    void aNewerPostBeatsAnOlderOneWithTheSameActivity() {
        assertThat(score(5, 3, 2, NOON.plusMinutes(1))).isGreaterThan(score(5, 3, 2, NOON));
        assertThat(score(0, 0, 0, NOON.plusHours(1))).isGreaterThan(score(0, 0, 0, NOON));
    }

    @Test
    void moreCommentsRankHigherAtTheSameAge() {
        assertThat(score(0, 4, 1, NOON)).isGreaterThan(score(0, 3, 1, NOON));
    }

    @Test
    void moreReactionsRankHigherAtTheSameAge() {
        assertThat(score(6, 1, 1, NOON)).isGreaterThan(score(5, 1, 1, NOON));
    }

    @Test
    void moreParticipantsRankHigherThanTheSameCommentsFromFewerPeople() {
        assertThat(score(0, 6, 6, NOON)).isGreaterThan(score(0, 6, 2, NOON));
    }

    @Test
    void aCommentCountsForMoreThanAReaction() {
        assertThat(HotScore.weight(0, 1, 0)).isGreaterThan(HotScore.weight(1, 0, 0));
        assertThat(score(0, 1, 0, NOON)).isGreaterThan(score(1, 0, 0, NOON));
    }

    @Test
    void aQuietPostIsNotRankedBelowNothing() {
        // no activity at all and a single reaction weigh the same: the logarithm never goes negative
        assertThat(score(0, 0, 0, NOON)).isEqualTo(score(1, 0, 0, NOON));
        assertThat(score(0, 0, 0, NOON)).isFinite();
    }

    @Test
    void activityFadesAnOldPostBelowAQuietNewOne() {
        var busyYesterday = score(20, 10, 5, NOON.minusDays(2));
        var quietToday = score(1, 0, 0, NOON);
        assertThat(quietToday).isGreaterThan(busyYesterday);
    }

    @Test
    void aBusierOlderPostStaysAheadForAWhile() {
        var busyAnHourAgo = score(20, 10, 5, NOON.minusHours(1));
        var quietNow = score(1, 0, 0, NOON);
        assertThat(busyAnHourAgo).isGreaterThan(quietNow);
    }

    @Test
    void theLeadOfMoreActivityShrinksWithAgeUntilItIsGone() {
        // a busy post written earlier than a quiet one: the further apart, the smaller its lead, until it trails
        double previousLead = Double.POSITIVE_INFINITY;
        boolean overtaken = false;
        for (int hours = 0; hours <= 96; hours += 6) {
            double lead = score(10, 5, 3, NOON) - score(1, 0, 0, NOON.plus(Duration.ofHours(hours)));
            assertThat(lead).as("after %d hours", hours).isLessThan(previousLead);
            previousLead = lead;
            overtaken |= lead < 0;
        }
        assertThat(overtaken).isTrue();
    }
}
