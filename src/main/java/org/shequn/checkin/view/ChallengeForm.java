package org.shequn.checkin.view;

import java.util.List;

/**
 * The challenge form's fields as typed (text; the use case judges them): also what the edit form starts from.
 * {@code dates} is one ISO date a line; {@code weekdays} ISO numbers (1 Monday … 7 Sunday).
 */
public record ChallengeForm(String title, String rules, String startsOn, String endsOn, String frequency,
                            List<String> weekdays, String dates, String zone, String dayStartHour, String onTimeUntil,
                            String lateUntil, String makeUpQuota, String makeUpPer, String remindAt, String nudgeAt,
                            String subgroupId) {

    public ChallengeForm {
        weekdays = weekdays == null ? List.of() : List.copyOf(weekdays);
    }

    public boolean hasWeekday(int day) {
        return weekdays.contains(String.valueOf(day));
    }

    /** The sub-group chosen, when it is one (a number). */
    public Long chosenSubgroup() {
        return subgroupId != null && subgroupId.strip().matches("\\d{1,18}") ? Long.valueOf(subgroupId.strip()) : null;
    }

    public static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
