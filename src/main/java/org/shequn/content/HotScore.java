package org.shequn.content;

import java.time.OffsetDateTime;

/**
 * The hot order's score, Reddit-style: {@code log10(max(1, weight)) + createdEpochSeconds / 45000}, with
 * {@code weight = 1·reactions + 2·comments + 3·distinct participants}. Age is part of the score itself, so a
 * score never has to be rewritten as time passes: a post needs ten times the weight of one 12.5 hours younger
 * to rank level with it. {@link HotFeed} keeps the same formula in SQL.
 */
final class HotScore {

    /** Seconds of age that cost one factor of ten in weight (12.5 hours). */
    static final double DECAY_SECONDS = 45_000;

    private HotScore() {
    }

    static double weight(int reactions, int comments, int participants) {
        return reactions + 2.0 * comments + 3.0 * participants;
    }

    static double of(double weight, OffsetDateTime createdAt) {
        return Math.log10(Math.max(1, weight)) + createdAt.toEpochSecond() / DECAY_SECONDS;
    }
}
