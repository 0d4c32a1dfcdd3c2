package org.shequn.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.shequn.checkin.ChallengeCalendar.Frequency;
import org.shequn.checkin.ChallengeCalendar.Timing;

class ChallengeCalendarTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static ChallengeCalendar daily(ZoneId zone, int dayStart, LocalTime onTime, LocalTime late) {
        return new ChallengeCalendar(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Frequency.DAILY, null, null,
                zone, dayStart, onTime, late);
    }

    static java.time.Instant at(ZoneId zone, int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(zone).toInstant();
    }

    @Test
    void aCheckInBeforeTheDayStartHourCountsForTheDayBefore() {
        var c = daily(SHANGHAI, 2, LocalTime.of(9, 0), LocalTime.of(23, 59));
        assertThat(c.dayOf(at(SHANGHAI, 3, 10, 1, 30))).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(c.dayOf(at(SHANGHAI, 3, 10, 2, 0))).isEqualTo(LocalDate.of(2026, 3, 10));
        // 01:30 is past the day's late window (23:59), which belongs to the day before
        assertThat(c.timingOf(at(SHANGHAI, 3, 10, 1, 30))).isEqualTo(Timing.OUTSIDE);
        var allNight = daily(SHANGHAI, 2, LocalTime.of(9, 0), null);
        assertThat(allNight.timingOf(at(SHANGHAI, 3, 10, 1, 30))).isEqualTo(Timing.LATE);
        // an end in the small hours belongs to the same day
        var tillOne = daily(SHANGHAI, 2, LocalTime.of(9, 0), LocalTime.of(1, 0));
        assertThat(tillOne.timingOf(at(SHANGHAI, 3, 10, 0, 30))).isEqualTo(Timing.LATE);
        assertThat(tillOne.timingOf(at(SHANGHAI, 3, 10, 1, 30))).isEqualTo(Timing.OUTSIDE);
        assertThat(tillOne.windowsInOrder()).isTrue();
    }

    @Test
    void windowsAreOnTheWallClock() {
        var c = daily(SHANGHAI, 0, LocalTime.of(9, 0), LocalTime.of(23, 0));
        assertThat(c.timingOf(at(SHANGHAI, 3, 10, 8, 59))).isEqualTo(Timing.ON_TIME);
        assertThat(c.timingOf(at(SHANGHAI, 3, 10, 9, 0))).isEqualTo(Timing.LATE);
        assertThat(c.timingOf(at(SHANGHAI, 3, 10, 22, 59))).isEqualTo(Timing.LATE);
        assertThat(c.timingOf(at(SHANGHAI, 3, 10, 23, 0))).isEqualTo(Timing.OUTSIDE);
        assertThat(daily(SHANGHAI, 0, null, null).timingOf(at(SHANGHAI, 3, 10, 23, 59))).isEqualTo(Timing.ON_TIME);
        assertThat(daily(SHANGHAI, 0, LocalTime.of(22, 0), LocalTime.of(9, 0)).windowsInOrder()).isFalse();
    }

    @Test
    void aDayAcrossTheSpringDaylightSavingChangeIsStillOneDateWithWallClockWindows() {
        // New York moved its clocks from 02:00 to 03:00 on 8 March 2026: that day had 23 hours
        var c = daily(NEW_YORK, 0, LocalTime.of(9, 0), null);
        var saturday = at(NEW_YORK, 3, 7, 8, 30);
        var sunday = at(NEW_YORK, 3, 8, 8, 30);
        assertThat(java.time.Duration.between(saturday, sunday).toHours()).isEqualTo(23);
        assertThat(c.dayOf(sunday)).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(c.timingOf(sunday)).isEqualTo(Timing.ON_TIME);
        // 24 hours after Saturday 08:30 is Sunday 09:30 on the wall clock: late, and still Sunday
        var dayLater = saturday.plus(java.time.Duration.ofHours(24));
        assertThat(c.dayOf(dayLater)).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(c.timingOf(dayLater)).isEqualTo(Timing.LATE);
        // the last minutes of Sunday and the first of Monday
        assertThat(c.dayOf(at(NEW_YORK, 3, 8, 23, 59))).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(c.dayOf(at(NEW_YORK, 3, 9, 0, 0))).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(c.startOf(LocalDate.of(2026, 3, 9))).isEqualTo(at(NEW_YORK, 3, 9, 0, 0));
    }

    @Test
    void aDayStartHourInsideTheSkippedHourStillStartsTheDay() {
        // 02:00 did not exist in New York on 8 March 2026; 02:30 wall time is read as 03:30
        var c = daily(NEW_YORK, 2, null, null);
        assertThat(c.dayOf(at(NEW_YORK, 3, 8, 1, 59))).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(c.dayOf(at(NEW_YORK, 3, 8, 3, 1))).isEqualTo(LocalDate.of(2026, 3, 8));
    }

    @Test
    void weekdaysOnlyChallengeDaysAndAStreakThatSurvivesTheWeekend() {
        var c = new ChallengeCalendar(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31), Frequency.WEEKDAYS,
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                null, SHANGHAI, 0, null, null);
        assertThat(c.isChallengeDay(LocalDate.of(2026, 3, 6))).isTrue();
        assertThat(c.isChallengeDay(LocalDate.of(2026, 3, 7))).isFalse();
        assertThat(c.days()).hasSize(22);
        var checked = new TreeSet<LocalDate>();
        for (int d = 2; d <= 9; d++) {
            if (c.isChallengeDay(LocalDate.of(2026, 3, d))) {
                checked.add(LocalDate.of(2026, 3, d));
            }
        }
        var streaks = c.streaks(checked);
        assertThat(streaks.current()).isEqualTo(6);
        assertThat(streaks.longest()).isEqualTo(6);
        // on Tuesday the 10th, not yet checked in, Monday was done: alive
        assertThat(streaks.asOf(LocalDate.of(2026, 3, 10), c)).isEqualTo(6);
        // on Wednesday, Tuesday was missed: broken
        assertThat(streaks.asOf(LocalDate.of(2026, 3, 11), c)).isZero();
        assertThat(c.previousDay(LocalDate.of(2026, 3, 9))).isEqualTo(LocalDate.of(2026, 3, 6));
    }

    @Test
    void aMissedDayBreaksARunAndAMakeUpJoinsIt() {
        var c = daily(SHANGHAI, 0, null, null);
        var checked = new TreeSet<>(Set.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4)));
        assertThat(c.streaks(checked)).isEqualTo(new ChallengeCalendar.Streaks(1, LocalDate.of(2026, 3, 4), 2));
        checked.add(LocalDate.of(2026, 3, 3));
        assertThat(c.streaks(checked)).isEqualTo(new ChallengeCalendar.Streaks(4, LocalDate.of(2026, 3, 4), 4));
    }

    @Test
    void chosenDatesOnly() {
        var dates = new TreeSet<>(Set.of(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 12)));
        var c = new ChallengeCalendar(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Frequency.DATES, null, dates,
                SHANGHAI, 0, null, null);
        assertThat(c.days()).containsExactly(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 12));
        assertThat(c.streaks(new TreeSet<>(dates)).longest()).isEqualTo(2);
        var none = new ChallengeCalendar(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Frequency.WEEKDAYS,
                Set.of(), null, SHANGHAI, 0, null, null);
        assertThat(none.days()).isEmpty();
    }
}
