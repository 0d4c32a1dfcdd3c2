package org.shequn.checkin.view;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's own calendar of a challenge: every challenge day with its state (DONE, LATE, MADE_UP, MISSED, TODAY
 * for today not yet done, UPCOMING), the member's figures, and how many make-ups are left now (for a per-week
 * quota: in the current week).
 */
public record MyCalendar(long challengeId, LocalDate today, List<Day> days, MemberStats stats, int makeUpsLeft,
                         List<LocalDate> missed) {

    public record Day(LocalDate date, String state) {
    }

    /** Checked in for today already. */
    public boolean doneToday() {
        return days.stream().anyMatch(d -> d.date().equals(today) && !d.state().equals("TODAY") && !d.state().equals("UPCOMING"));
    }
}
