package org.shequn.checkin;

import java.time.LocalDate;
import java.util.List;

/**
 * A challenge's reminder of the day went out: {@code stage} REMIND (at the chosen time, to those not checked in)
 * or NUDGE (in the evening, to those whose streak breaks tonight); {@code accountIds} are exactly who is told.
 */
public record CheckInReminded(long communityId, long challengeId, String title, LocalDate localDate, String stage,
                              List<Long> accountIds) {

    public CheckInReminded {
        accountIds = List.copyOf(accountIds);
    }
}
