package org.shequn.voting;

import java.time.OffsetDateTime;

/** Where an election stands: nominating until voting opens, voting until it closes, then the published result. */
public enum ElectionPhase {
    NOMINATION, VOTING, RESULT;

    static ElectionPhase at(OffsetDateTime now, OffsetDateTime votingOpensAt, OffsetDateTime votingClosesAt) {
        if (now.isBefore(votingOpensAt)) {
            return NOMINATION;
        }
        return now.isBefore(votingClosesAt) ? VOTING : RESULT;
    }
}
