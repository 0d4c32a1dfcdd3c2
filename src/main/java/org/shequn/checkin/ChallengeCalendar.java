package org.shequn.checkin;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A challenge's days and hours: which local date an instant counts for, whether it is on time, late or outside
 * that day's windows, and which dates are challenge days. A day is a local date in the challenge's zone, never a
 * 24-hour span: a day across a daylight-saving change is 23 or 25 hours long, and its windows stay on the wall clock.
 *
 * <p>With a day-start hour of 2, the day D runs from D 02:00 to D+1 02:00 on the wall clock, so a 01:30 check-in
 * counts for the day before. The windows' ends are wall-clock times of that day; an end earlier than the day-start
 * hour means the small hours after midnight (with a day start of 2, a late end of 01:00 is D+1 01:00).
 */
public record ChallengeCalendar(LocalDate startsOn, LocalDate endsOn, Frequency frequency, Set<DayOfWeek> weekdays,
                                SortedSet<LocalDate> dates, ZoneId zone, int dayStartHour, LocalTime onTimeUntil,
                                LocalTime lateUntil) {

    /** How often a challenge wants a check-in. */
    public enum Frequency { DAILY, WEEKDAYS, DATES }

    /** Where an instant falls in its day. */
    public enum Timing { ON_TIME, LATE, OUTSIDE }

    public ChallengeCalendar {
        weekdays = weekdays == null || weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
        dates = dates == null ? new TreeSet<>() : new TreeSet<>(dates);
    }

    /** The local date an instant counts for. */
    public LocalDate dayOf(Instant instant) {
        return wallClock(instant).minusHours(dayStartHour).toLocalDate();
    }

    /** Whether an instant is on time, late or past the late window, for the day it counts for. */
    public Timing timingOf(Instant instant) {
        var wall = wallClock(instant);
        var day = wall.minusHours(dayStartHour).toLocalDate();
        long minute = ChronoUnit.MINUTES.between(day.atTime(dayStartHour, 0), wall);
        if (onTimeUntil == null || minute < offset(onTimeUntil)) {
            return lateUntil != null && minute >= offset(lateUntil) ? Timing.OUTSIDE : Timing.ON_TIME;
        }
        return lateUntil == null || minute < offset(lateUntil) ? Timing.LATE : Timing.OUTSIDE;
    }

    /**
     * Minutes from the day's start to a window's end (exclusive; 09:00 means up to 08:59:59), counted on the wall
     * clock. An end of exactly the day-start hour is the whole day.
     */
    long offset(LocalTime end) {
        long minutes = (end.toSecondOfDay() / 60 - dayStartHour * 60L + 24 * 60) % (24 * 60);
        return minutes == 0 ? 24 * 60 : minutes;
    }

    /** Whether the on-time window ends before the late one (both inside the day), as the form requires. */
    public boolean windowsInOrder() {
        return onTimeUntil == null || lateUntil == null || offset(onTimeUntil) < offset(lateUntil);
    }

    /** Whether a member is asked to check in on this date. */
    public boolean isChallengeDay(LocalDate date) {
        if (date.isBefore(startsOn) || date.isAfter(endsOn)) {
            return false;
        }
        return switch (frequency) {
            case DAILY -> true;
            case WEEKDAYS -> weekdays.contains(date.getDayOfWeek());
            case DATES -> dates.contains(date);
        };
    }

    /** The challenge days from {@code from} to {@code to}, both included, in order. */
    public List<LocalDate> days(LocalDate from, LocalDate to) {
        var days = new ArrayList<LocalDate>();
        var first = from.isBefore(startsOn) ? startsOn : from;
        var last = to.isAfter(endsOn) ? endsOn : to;
        for (var d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (isChallengeDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    /** Every challenge day. */
    public List<LocalDate> days() {
        return days(startsOn, endsOn);
    }

    /** The last challenge day before {@code date}, if any: the day a streak must have reached to be alive. */
    public LocalDate previousDay(LocalDate date) {
        var last = date.minusDays(1).isAfter(endsOn) ? endsOn : date.minusDays(1);
        for (var d = last; !d.isBefore(startsOn); d = d.minusDays(1)) {
            if (isChallengeDay(d)) {
                return d;
            }
        }
        return null;
    }

    /** When the day {@code date} starts, as an instant (the wall clock's day-start hour in the zone). */
    public Instant startOf(LocalDate date) {
        return date.atTime(dayStartHour, 0).atZone(zone).toInstant();
    }

    /**
     * The runs of a member's days: {@code checked} are the dates checked in (any standing). Returns the longest run
     * of consecutive challenge days checked, and the run ending at the latest checked day.
     */
    public Streaks streaks(SortedSet<LocalDate> checked) {
        if (checked.isEmpty()) {
            return new Streaks(0, null, 0);
        }
        int run = 0;
        int longest = 0;
        for (var day : days(startsOn, checked.last())) {
            run = checked.contains(day) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return new Streaks(run, checked.last(), longest);
    }

    /** The run ending at {@code end} (the latest day checked), and the longest run. */
    public record Streaks(int current, LocalDate end, int longest) {

        /** The current streak as of {@code today}: broken when a challenge day before today was missed. */
        public int asOf(LocalDate today, ChallengeCalendar calendar) {
            if (end == null) {
                return 0;
            }
            var previous = calendar.previousDay(today);
            return previous == null || !end.isBefore(previous) ? current : 0;
        }
    }

    private LocalDateTime wallClock(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }
}
