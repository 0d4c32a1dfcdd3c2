package org.shequn.assignment;

import java.time.Instant;
import org.shequn.shared.Rejection;

/**
 * When work may be handed in or revised: before the due time, on time; after it, late if the assignment takes late
 * work, else not at all. A closed assignment takes nothing, and a scored submission is final.
 */
record Deadline(Instant dueAt, boolean acceptsLate, boolean closed) {

    /** How a hand-in (or a revision) at {@code now} counts. */
    enum Timing { ON_TIME, LATE }

    Timing handIn(Instant now) {
        if (closed) {
            throw Rejection.conflict("assignment.closed");
        }
        if (now.isBefore(dueAt)) {
            return Timing.ON_TIME;
        }
        if (!acceptsLate) {
            throw Rejection.conflict("assignment.overdue");
        }
        return Timing.LATE;
    }

    Timing revise(Instant now, boolean scored) {
        if (scored) {
            throw Rejection.conflict("assignment.submission.scored");
        }
        return handIn(now);
    }
}
