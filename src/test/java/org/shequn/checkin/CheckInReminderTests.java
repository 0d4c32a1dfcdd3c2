package org.shequn.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.shequn.TestCommunity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Check-in reminders: at the chosen local time only the members who have not checked in and have not muted the
 * challenge are told, once however often the job runs; the evening nudge reaches only those whose streak breaks
 * tonight.
 */
@IntegrationTest
class CheckInReminderTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    CheckInReminders reminders;

    void at(LocalDateTime wall) {
        clock.advance(Duration.between(clock.instant(), wall.atZone(BERLIN).toInstant()));
    }

    int told(long accountId, String kind) {
        return jdbc.sql("select count(*) from notifications where account_id = ? and kind = ?").params(accountId, kind)
                .query(Integer.class).single();
    }

    void checkIn(Api.User user, String base, long id) throws Exception {
        mvc.perform(MockMvcRequestBuilders.multipart(base + "/" + id + "/entries").param("text", "打卡")
                        .header("Authorization", user.bearer()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isCreated());
    }

    @Test
    void theReminderReachesOnlyThoseNotCheckedInOnceAndTheNudgeOnlyStreaksAtRisk() throws Exception {
        var api = new Api(mvc);
        var community = TestCommunity.create(api, jdbc, "checkin-remind-");
        var cast = community.cast();
        var base = community.base() + "/checkins";
        // Berlin, around the end of daylight saving time (25 October 2026): reminders stay on the wall clock
        long id = Api.body(api.post(cast.owner(), base, Api.obj("title", "柏林晨读", "startsOn", "2026-10-20",
                "endsOn", "2026-10-31", "frequency", "DAILY", "zone", "Europe/Berlin", "remindAt", "20:00",
                "nudgeAt", "22:00")).andExpect(status().isCreated())).get("id").asLong();
        var done = cast.member();
        var muted = cast.core();
        var streaker = cast.admin();
        api.put(muted, base + "/" + id + "/mute", null).andExpect(status().isNoContent());
        at(LocalDateTime.of(2026, 10, 24, 9, 0));
        checkIn(streaker, base, id);

        at(LocalDateTime.of(2026, 10, 25, 19, 59));
        checkIn(done, base, id);
        assertThat(reminders.sendDue()).isZero();
        at(LocalDateTime.of(2026, 10, 25, 20, 1));
        reminders.sendDue();
        reminders.sendDue();
        await().atMost(Duration.ofSeconds(20)).until(() -> told(cast.owner().id(), "CHECKIN_REMINDER") == 1);
        assertThat(told(streaker.id(), "CHECKIN_REMINDER")).isEqualTo(1);
        assertThat(told(done.id(), "CHECKIN_REMINDER")).isZero();
        assertThat(told(muted.id(), "CHECKIN_REMINDER")).isZero();
        assertThat(jdbc.sql("select count(*) from checkin_reminder_runs where challenge_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(1);

        // 22:00: the admin's one-day streak from yesterday breaks tonight; the owner has none to lose
        at(LocalDateTime.of(2026, 10, 25, 22, 0));
        reminders.sendDue();
        await().atMost(Duration.ofSeconds(20)).until(() -> told(streaker.id(), "CHECKIN_STREAK_AT_RISK") == 1);
        assertThat(told(cast.owner().id(), "CHECKIN_STREAK_AT_RISK")).isZero();
        assertThat(told(done.id(), "CHECKIN_STREAK_AT_RISK")).isZero();
        api.delete(muted, base + "/" + id + "/mute").andExpect(status().isNoContent());
        for (var row : List.of(LocalDate.of(2026, 10, 25))) {
            assertThat(jdbc.sql("select count(*) from checkin_reminder_runs where challenge_id = ? and local_date = ?")
                    .params(id, row).query(Integer.class).single()).isEqualTo(2);
        }
    }

    @Test
    void aSubgroupsChallengeRemindsOnlyItsMembers() throws Exception {
        var api = new Api(mvc);
        var community = TestCommunity.create(api, jdbc, "checkin-remind-group-");
        var cast = community.cast();
        long group = Api.body(api.post(cast.admin(), community.base() + "/subgroups", Api.obj("name", "柏林组"))
                .andExpect(status().isCreated())).get("id").asLong();
        api.post(cast.admin(), community.base() + "/subgroups/" + group + "/members", Api.obj("accountId", cast.member().id()))
                .andExpect(status().isOk());
        var base = community.base() + "/checkins";
        long id = Api.body(api.post(cast.owner(), base, Api.obj("title", "柏林组晨读", "startsOn", "2026-11-02",
                "endsOn", "2026-11-10", "frequency", "DAILY", "zone", "Europe/Berlin", "remindAt", "20:00",
                "subgroupId", group)).andExpect(status().isCreated())).get("id").asLong();
        at(LocalDateTime.of(2026, 11, 3, 20, 1));
        reminders.sendDue();
        await().atMost(Duration.ofSeconds(20)).until(() -> told(cast.member().id(), "CHECKIN_REMINDER") == 1);
        // the rest of the community never hears of the group's challenge, the owner (who made it) included
        assertThat(told(cast.core().id(), "CHECKIN_REMINDER")).isZero();
        assertThat(told(cast.admin().id(), "CHECKIN_REMINDER")).isZero();
        assertThat(told(cast.owner().id(), "CHECKIN_REMINDER")).isZero();
        assertThat(id).isPositive();
    }
}
