package org.shequn.checkin.view;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A challenge as members see it: its rules (Markdown as written, and sanitized HTML), its days and windows, and
 * what today is in its zone ({@code today}, whether it is a challenge day, how many have checked in).
 */
public record ChallengeView(long id, String title, String rules, String rulesHtml, LocalDate startsOn,
                            LocalDate endsOn, String frequency, List<DayOfWeek> weekdays, List<LocalDate> dates,
                            String zone, int dayStartHour, LocalTime onTimeUntil, LocalTime lateUntil,
                            int makeUpQuota, String makeUpPer, LocalTime remindAt, LocalTime nudgeAt, boolean closed, LocalDate today,
                            boolean todayIsChallengeDay, long checkedInToday, int challengeDays,
                            String scopeName) {

    /** Over: closed by its runners, or past its last day. */
    public boolean over() {
        return closed || today.isAfter(endsOn);
    }

    public boolean started() {
        return !today.isBefore(startsOn);
    }
}
