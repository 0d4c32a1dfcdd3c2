package org.shequn.checkin.view;

/**
 * A member's figures in one challenge. {@code currentStreak} is as of today (a missed challenge day before today
 * breaks it; today not yet done does not); {@code onTimeRate} is a percentage of the days done; {@code rank}
 * counts from 1 in the leaderboard's order, members with the same days and longest streak sharing a place.
 */
public record MemberStats(long accountId, String displayName, String avatarUrl, long rank, int totalDays,
                          int onTimeDays, int lateDays, int madeUpDays, int currentStreak, int longestStreak,
                          int onTimeRate) {
}
