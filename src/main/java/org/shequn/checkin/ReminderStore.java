package org.shequn.checkin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which reminders went out (one row per challenge, day and stage) and who muted a challenge. */
@Repository
class ReminderStore {

    private final JdbcClient jdbc;

    ReminderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 1 when this node takes the stage of that day; 0 when it was sent already (by any node). */
    int claim(long challengeId, LocalDate day, String stage, OffsetDateTime now) {
        return jdbc.sql("""
                insert into checkin_reminder_runs (challenge_id, local_date, stage, sent_at, recipients)
                values (?, ?, ?, ?, 0) on conflict do nothing""").params(challengeId, day, stage, now).update();
    }

    void recipients(long challengeId, LocalDate day, String stage, int count) {
        jdbc.sql("update checkin_reminder_runs set recipients = ? where challenge_id = ? and local_date = ? and stage = ?")
                .params(count, challengeId, day, stage).update();
    }

    /** Who need not be told today: checked in for the day already, or muted the challenge. */
    Set<Long> quiet(long challengeId, LocalDate day) {
        return new HashSet<>(jdbc.sql("""
                select account_id from check_ins where challenge_id = ? and local_date = ?
                union select account_id from checkin_mutes where challenge_id = ?""")
                .params(challengeId, day, challengeId).query(Long.class).list());
    }

    /** Whose streak ends on {@code previous}: alive until tonight, not yet extended today (that would end it today). */
    List<Long> atRisk(long challengeId, LocalDate previous) {
        return jdbc.sql("""
                select s.account_id from checkin_stats s where s.challenge_id = ? and s.streak_end = ? and s.current_streak > 0
                and not exists (select 1 from checkin_mutes m where m.challenge_id = s.challenge_id and m.account_id = s.account_id)
                order by s.account_id""").params(challengeId, previous).query(Long.class).list();
    }

    void mute(long challengeId, long accountId, OffsetDateTime now) {
        jdbc.sql("insert into checkin_mutes (challenge_id, account_id, muted_at) values (?, ?, ?) on conflict do nothing")
                .params(challengeId, accountId, now).update();
    }

    void unmute(long challengeId, long accountId) {
        jdbc.sql("delete from checkin_mutes where challenge_id = ? and account_id = ?").params(challengeId, accountId).update();
    }

    boolean muted(long challengeId, long accountId) {
        return jdbc.sql("select count(*) from checkin_mutes where challenge_id = ? and account_id = ?")
                .params(challengeId, accountId).query(Long.class).single() > 0;
    }
}
