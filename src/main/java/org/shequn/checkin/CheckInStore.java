package org.shequn.checkin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Check-ins, their images and reviews, and each member's figures per challenge. */
@Repository
class CheckInStore {

    /** How a day was done. */
    enum Standing { ON_TIME, LATE, MADE_UP }

    record CheckInRow(long id, long challengeId, long accountId, LocalDate localDate, Standing standing, String body,
                      OffsetDateTime checkedAt, OffsetDateTime featuredAt) {
    }

    record StatsRow(long accountId, int totalDays, int onTimeDays, int lateDays, int madeUpDays, int currentStreak,
                    LocalDate streakEnd, int longestStreak) {
    }

    record ReviewRow(long id, long checkInId, long reviewerId, String body, OffsetDateTime createdAt) {
    }

    private static final String COLUMNS = "id, challenge_id, account_id, local_date, standing, body, checked_at, featured_at";

    private final JdbcClient jdbc;

    CheckInStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long challengeId, long communityId, long accountId, LocalDate day, Standing standing, String body,
                OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into check_ins (challenge_id, community_id, account_id, local_date, standing, body, checked_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(challengeId, communityId, accountId, day, standing.name(), body, now).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void addImage(long checkInId, int position, String key) {
        jdbc.sql("insert into check_in_images (check_in_id, position, file_key) values (?, ?, ?)")
                .params(checkInId, position, key).update();
    }

    /** The image keys of these check-ins, in order. */
    Map<Long, List<String>> imagesOf(Collection<Long> checkInIds) {
        var images = new LinkedHashMap<Long, List<String>>();
        if (checkInIds.isEmpty()) {
            return images;
        }
        jdbc.sql("select check_in_id, file_key from check_in_images where check_in_id in (:ids) order by check_in_id, position")
                .param("ids", checkInIds)
                .query((rs, n) -> images.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        return images;
    }

    /** Whether this image belongs to a check-in of this challenge. */
    boolean hasImage(long challengeId, String key) {
        return jdbc.sql("""
                select count(*) from check_in_images i join check_ins c on c.id = i.check_in_id
                where c.challenge_id = ? and i.file_key = ?""").params(challengeId, key).query(Long.class).single() > 0;
    }

    Optional<CheckInRow> byId(long challengeId, long id) {
        return jdbc.sql("select " + COLUMNS + " from check_ins where challenge_id = ? and id = ?")
                .params(challengeId, id).query(CheckInStore::row).optional();
    }

    /** A member's days in a challenge: date → how it was done. */
    TreeMap<LocalDate, Standing> daysOf(long challengeId, long accountId) {
        var days = new TreeMap<LocalDate, Standing>();
        jdbc.sql("select local_date, standing from check_ins where challenge_id = ? and account_id = ?")
                .params(challengeId, accountId)
                .query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), Standing.valueOf(rs.getString(2)))).list();
        return days;
    }

    /** The check-ins of one day, newest first. */
    List<CheckInRow> ofDay(long challengeId, LocalDate day, int limit) {
        return jdbc.sql("select " + COLUMNS + " from check_ins where challenge_id = ? and local_date = ? order by checked_at desc, id desc limit ?")
                .params(challengeId, day, limit).query(CheckInStore::row).list();
    }

    /** The featured check-ins, newest first. */
    List<CheckInRow> featured(long challengeId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from check_ins where challenge_id = ? and featured_at is not null order by featured_at desc, id desc limit ?")
                .params(challengeId, limit).query(CheckInStore::row).list();
    }

    boolean hasDay(long challengeId, long accountId, LocalDate day) {
        return jdbc.sql("select count(*) from check_ins where challenge_id = ? and account_id = ? and local_date = ?")
                .params(challengeId, accountId, day).query(Long.class).single() > 0;
    }

    long countOfDay(long challengeId, LocalDate day) {
        return jdbc.sql("select count(*) from check_ins where challenge_id = ? and local_date = ?")
                .params(challengeId, day).query(Long.class).single();
    }

    /** 1 when featured now, 0 when it was already (or unfeatured when {@code on} is false). */
    int feature(long id, boolean on, OffsetDateTime now) {
        return on ? jdbc.sql("update check_ins set featured_at = ? where id = ? and featured_at is null").params(now, id).update()
                : jdbc.sql("update check_ins set featured_at = null where id = ?").param(id).update();
    }

    /** Creates the member's figures row when missing, then locks it: one member's check-ins count one at a time. */
    void lockStats(long challengeId, long accountId, OffsetDateTime now) {
        jdbc.sql("""
                insert into checkin_stats (challenge_id, account_id, total_days, on_time_days, late_days, made_up_days,
                  current_streak, longest_streak, updated_at) values (?, ?, 0, 0, 0, 0, 0, 0, ?) on conflict do nothing""")
                .params(challengeId, accountId, now).update();
        jdbc.sql("select account_id from checkin_stats where challenge_id = ? and account_id = ? for update")
                .params(challengeId, accountId).query(Long.class).single();
    }

    void saveStats(long challengeId, StatsRow s, OffsetDateTime now) {
        jdbc.sql("""
                update checkin_stats set total_days = ?, on_time_days = ?, late_days = ?, made_up_days = ?,
                  current_streak = ?, streak_end = ?, longest_streak = ?, updated_at = ?
                where challenge_id = ? and account_id = ?""")
                .params(s.totalDays(), s.onTimeDays(), s.lateDays(), s.madeUpDays(), s.currentStreak(), s.streakEnd(),
                        s.longestStreak(), now, challengeId, s.accountId()).update();
    }

    Optional<StatsRow> stats(long challengeId, long accountId) {
        return jdbc.sql("select " + STATS + " from checkin_stats where challenge_id = ? and account_id = ?")
                .params(challengeId, accountId).query(CheckInStore::stats).optional();
    }

    /**
     * The leaderboard: most days first, then the longest streak; one indexed range of the figures table, however
     * many members the challenge has.
     */
    List<StatsRow> leaderboard(long challengeId, int limit) {
        return jdbc.sql("select " + STATS + " " + """
                         from checkin_stats where challenge_id = ? and total_days > 0
                         order by total_days desc, longest_streak desc, account_id limit ?""")
                .params(challengeId, limit).query(CheckInStore::stats).list();
    }

    /**
     * How many members have strictly better figures (more days, or as many and a longer streak), counted up to
     * {@code upTo}: the two ranges of the leaderboard index before these figures.
     */
    long ahead(long challengeId, StatsRow s, int upTo) {
        return jdbc.sql("""
                select count(*) from (select 1 from checkin_stats where challenge_id = ? and total_days > ? union all
                  select 1 from checkin_stats where challenge_id = ? and total_days = ? and longest_streak > ? limit ?) ahead""")
                .params(challengeId, s.totalDays(), challengeId, s.totalDays(), s.longestStreak(), upTo)
                .query(Long.class).single();
    }

    /** The challenge's figures as {days, longest streak, members} for each pair that occurs, members with a day done. */
    int[][] figures(long challengeId) {
        return jdbc.sql("""
                select total_days, longest_streak, count(*) from checkin_stats where challenge_id = ? and total_days > 0
                group by total_days, longest_streak""")
                .param(challengeId).query((rs, n) -> new int[]{rs.getInt(1), rs.getInt(2), rs.getInt(3)})
                .list().toArray(int[][]::new);
    }

    long insertReview(long checkInId, long reviewerId, String body, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into check_in_reviews (check_in_id, reviewer_id, body, created_at) values (?, ?, ?, ?)")
                .params(checkInId, reviewerId, body, now).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The reviews of these check-ins, oldest first. */
    Map<Long, List<ReviewRow>> reviewsOf(Collection<Long> checkInIds) {
        var reviews = new LinkedHashMap<Long, List<ReviewRow>>();
        if (checkInIds.isEmpty()) {
            return reviews;
        }
        jdbc.sql("select id, check_in_id, reviewer_id, body, created_at from check_in_reviews where check_in_id in (:ids) order by created_at, id")
                .param("ids", checkInIds)
                .query((rs, n) -> reviews.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                        .add(new ReviewRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class)))).list();
        return reviews;
    }

    private static final String STATS = """
            account_id, total_days, on_time_days, late_days, made_up_days, current_streak, streak_end, longest_streak""";

    private static StatsRow stats(ResultSet rs, int n) throws SQLException {
        return new StatsRow(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                rs.getObject(7, LocalDate.class), rs.getInt(8));
    }

    private static CheckInRow row(ResultSet rs, int n) throws SQLException {
        return new CheckInRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
                Standing.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class));
    }
}
