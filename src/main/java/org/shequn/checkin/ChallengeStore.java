package org.shequn.checkin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.shequn.checkin.ChallengeCalendar.Frequency;
import org.shequn.checkin.ChallengeDraft.MakeUpPer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The challenges. */
@Repository
class ChallengeStore {

    record ChallengeRow(long id, long communityId, String title, String rules, ChallengeCalendar calendar,
                        int makeUpQuota, MakeUpPer makeUpPer, LocalTime remindAt, LocalTime nudgeAt, long createdBy, OffsetDateTime createdAt,
                        OffsetDateTime editedAt, OffsetDateTime closedAt, Long subgroupId) {

        /** The whole community's, or one sub-group's (seen by its members and the runners, run by its leader too). */
        org.shequn.membership.Scope scope() {
            return org.shequn.membership.Scope.of(subgroupId);
        }

        boolean closed() {
            return closedAt != null;
        }
    }

    private static final String COLUMNS = """
            id, community_id, title, rules, starts_on, ends_on, frequency, weekdays, dates, zone, day_start_hour,
            on_time_until, late_until, make_up_quota, make_up_per, remind_at, nudge_at, created_by, created_at, edited_at,
            closed_at, subgroup_id""";

    private final JdbcClient jdbc;

    ChallengeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long communityId, long by, String title, String rules, ChallengeCalendar c, int quota, MakeUpPer per,
                LocalTime remindAt, LocalTime nudgeAt, OffsetDateTime now, Long subgroupId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into checkin_challenges (community_id, title, rules, starts_on, ends_on, frequency, weekdays,
                  dates, zone, day_start_hour, on_time_until, late_until, make_up_quota, make_up_per, remind_at, nudge_at,
                  created_by, created_at, subgroup_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(communityId, title, rules, c.startsOn(), c.endsOn(), c.frequency().name(), weekdays(c),
                        dates(c), c.zone().getId(), c.dayStartHour(), c.onTimeUntil(), c.lateUntil(), quota, per.name(),
                        remindAt, nudgeAt, by, now, subgroupId)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void edit(long id, String title, String rules, ChallengeCalendar c, int quota, MakeUpPer per, LocalTime remindAt,
              LocalTime nudgeAt, OffsetDateTime now) {
        jdbc.sql("""
                update checkin_challenges set title = ?, rules = ?, starts_on = ?, ends_on = ?, frequency = ?, weekdays = ?,
                  dates = ?, zone = ?, day_start_hour = ?, on_time_until = ?, late_until = ?, make_up_quota = ?,
                  make_up_per = ?, remind_at = ?, nudge_at = ?, edited_at = ? where id = ?""")
                .params(title, rules, c.startsOn(), c.endsOn(), c.frequency().name(), weekdays(c), dates(c),
                        c.zone().getId(), c.dayStartHour(), c.onTimeUntil(), c.lateUntil(), quota, per.name(), remindAt, nudgeAt,
                        now, id)
                .update();
    }

    /** 1 when closed now, 0 when it was closed already. */
    int close(long id, long by, OffsetDateTime now) {
        return jdbc.sql("update checkin_challenges set closed_at = ?, closed_by = ? where id = ? and closed_at is null")
                .params(now, by, id).update();
    }

    Optional<ChallengeRow> byId(long communityId, long id) {
        return jdbc.sql("select " + COLUMNS + " from checkin_challenges where community_id = ? and id = ?")
                .params(communityId, id).query(ChallengeStore::row).optional();
    }

    /** A community's challenges, the latest-starting first; a community runs few at once. */
    List<ChallengeRow> ofCommunity(long communityId) {
        return ofCommunity(communityId, "");
    }

    /** The same, kept to what {@code audience} (a scope filter on {@code subgroup_id}) lets the viewer see. */
    List<ChallengeRow> ofCommunity(long communityId, String audience) {
        return jdbc.sql("select " + COLUMNS + " from checkin_challenges where community_id = ?" + audience
                        + " order by starts_on desc, id desc limit 100")
                .param(communityId).query(ChallengeStore::row).list();
    }

    /** A sub-group's challenges, for its page. */
    List<ChallengeRow> ofSubgroup(long communityId, long subgroupId) {
        return jdbc.sql("select " + COLUMNS + " from checkin_challenges where community_id = ? and subgroup_id = ?"
                        + " order by starts_on desc, id desc limit 100")
                .params(communityId, subgroupId).query(ChallengeStore::row).list();
    }

    /** The open challenges of a community whose dates include {@code day}: the feed's digest cards. */
    List<ChallengeRow> runningOn(long communityId, LocalDate from, LocalDate to) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from checkin_challenges where community_id = ? and closed_at is null
                         and starts_on <= ? and ends_on >= ? order by id""")
                .params(communityId, to, from).query(ChallengeStore::row).list();
    }

    /** Every open challenge whose dates include a day from {@code from} to {@code to}: the reminder job's round. */
    List<ChallengeRow> remindable(LocalDate from, LocalDate to) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from checkin_challenges where closed_at is null and (remind_at is not null or nudge_at is not null)
                         and starts_on <= ? and ends_on >= ? order by id""")
                .params(to, from).query(ChallengeStore::row).list();
    }

    private static String weekdays(ChallengeCalendar c) {
        return c.weekdays().stream().sorted().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
    }

    private static String dates(ChallengeCalendar c) {
        return c.dates().stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    private static ChallengeRow row(ResultSet rs, int n) throws SQLException {
        var weekdays = Arrays.stream(rs.getString("weekdays").split(",")).filter(s -> !s.isEmpty())
                .map(s -> DayOfWeek.of(Integer.parseInt(s))).collect(Collectors.toSet());
        var dates = Arrays.stream(rs.getString("dates").split(",")).filter(s -> !s.isEmpty())
                .map(LocalDate::parse).collect(Collectors.toCollection(TreeSet::new));
        var calendar = new ChallengeCalendar(rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), Frequency.valueOf(rs.getString("frequency")), weekdays, dates,
                ZoneId.of(rs.getString("zone")), rs.getInt("day_start_hour"), rs.getObject("on_time_until", LocalTime.class),
                rs.getObject("late_until", LocalTime.class));
        return new ChallengeRow(rs.getLong("id"), rs.getLong("community_id"), rs.getString("title"), rs.getString("rules"),
                calendar, rs.getInt("make_up_quota"), MakeUpPer.valueOf(rs.getString("make_up_per")),
                rs.getObject("remind_at", LocalTime.class), rs.getObject("nudge_at", LocalTime.class),
                rs.getLong("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("edited_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                rs.getObject("subgroup_id", Long.class));
    }
}
