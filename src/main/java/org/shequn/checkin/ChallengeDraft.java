package org.shequn.checkin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.shequn.checkin.ChallengeCalendar.Frequency;
import org.shequn.shared.text.ControlCharacters;

/**
 * A challenge as the owner or an admin writes it (API body and form target). {@code zone} is an IANA id (default
 * Asia/Shanghai); {@code weekdays} for WEEKDAYS, {@code dates} for DATES; {@code dayStartHour} 0–23 (default 0);
 * the windows' ends are wall-clock times, null for "until the day ends"; {@code makeUpPer} WEEK or CHALLENGE;
 * {@code remindAt} when members not yet checked in are reminded, {@code nudgeAt} the evening "streak at risk" nudge
 * (each null: none).
 */
public record ChallengeDraft(
        @NotBlank(message = "{checkin.title.required}")
        @Size(max = ChallengeDraft.TITLE_MAX, message = "{checkin.title.tooLong}")
        @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "{checkin.title.oneLine}") String title,
        @Size(max = ChallengeDraft.RULES_MAX, message = "{checkin.rules.tooLong}")
        @Pattern(regexp = ControlCharacters.MULTI_LINE, message = "{validation.noControlCharacters}") String rules,
        @NotNull(message = "{checkin.startsOn.required}") LocalDate startsOn,
        @NotNull(message = "{checkin.endsOn.required}") LocalDate endsOn,
        @NotNull(message = "{checkin.frequency.required}") Frequency frequency,
        List<DayOfWeek> weekdays,
        @Size(max = 400, message = "{checkin.dates.tooMany}") List<LocalDate> dates,
        @Size(max = 64, message = "{checkin.zone.unknown}") String zone,
        @Min(value = 0, message = "{checkin.dayStart.range}") @Max(value = 23, message = "{checkin.dayStart.range}") Integer dayStartHour,
        LocalTime onTimeUntil,
        LocalTime lateUntil,
        @Min(value = 0, message = "{checkin.makeUp.range}") @Max(value = 366, message = "{checkin.makeUp.range}") Integer makeUpQuota,
        MakeUpPer makeUpPer,
        LocalTime remindAt,
        LocalTime nudgeAt,
        // the sub-group it is for (null: the whole community); fixed when it is created
        Long subgroupId) {

    public ChallengeDraft(String title, String rules, LocalDate startsOn, LocalDate endsOn, Frequency frequency,
                          List<DayOfWeek> weekdays, List<LocalDate> dates, String zone, Integer dayStartHour,
                          LocalTime onTimeUntil, LocalTime lateUntil, Integer makeUpQuota, MakeUpPer makeUpPer,
                          LocalTime remindAt, LocalTime nudgeAt) {
        this(title, rules, startsOn, endsOn, frequency, weekdays, dates, zone, dayStartHour, onTimeUntil, lateUntil,
                makeUpQuota, makeUpPer, remindAt, nudgeAt, null);
    }

    public static final int TITLE_MAX = 80;
    public static final int RULES_MAX = 5000;
    /** A challenge runs at most a year and a day: its streaks are recounted from its days at each check-in. */
    public static final int LONGEST_DAYS = 366;
    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    /** Whose make-up quota: so many per ISO week (of the day made up), or so many over the whole challenge. */
    public enum MakeUpPer { WEEK, CHALLENGE }

    String cleanTitle() {
        return title.strip();
    }

    String cleanRules() {
        return rules == null ? "" : rules.replace("\r\n", "\n").stripTrailing();
    }

    String zoneOrDefault() {
        return zone == null || zone.isBlank() ? DEFAULT_ZONE : zone.strip();
    }

    int dayStart() {
        return dayStartHour == null ? 0 : dayStartHour;
    }

    int quota() {
        return makeUpQuota == null ? 0 : makeUpQuota;
    }

    MakeUpPer per() {
        return makeUpPer == null ? MakeUpPer.WEEK : makeUpPer;
    }
}
