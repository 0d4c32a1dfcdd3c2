package org.shequn.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
 * The reminder before an assignment's due time: it goes out once its hour comes, only to the members who have not
 * handed in, once however often the job runs (each member claimed by a row); not before its hour, not after the
 * due time, not for a closed assignment.
 */
@IntegrationTest
class AssignmentReminderTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    AssignmentReminders reminders;

    int told(long accountId) {
        return jdbc.sql("select count(*) from notifications where account_id = ? and kind = 'ASSIGNMENT_REMINDER'")
                .param(accountId).query(Integer.class).single();
    }

    void handIn(Api.User user, String base, long id) throws Exception {
        mvc.perform(MockMvcRequestBuilders.multipart(base + "/" + id + "/submissions").param("text", "交了")
                        .header("Authorization", user.bearer()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isCreated());
    }

    @Test
    void theReminderReachesOnlyThoseWhoHaveNotHandedInOnceAcrossRuns() throws Exception {
        var api = new Api(mvc);
        var community = TestCommunity.create(api, jdbc, "assign-remind-");
        var cast = community.cast();
        var base = community.base() + "/assignments";
        var due = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(30)), SHANGHAI).withSecond(0).withNano(0);
        long id = Api.body(api.post(cast.owner(), base, Api.obj("title", "周报", "dueAt", due.toString(),
                "remindHoursBefore", 6)).andExpect(status().isCreated())).get("id").asLong();
        long closed = Api.body(api.post(cast.owner(), base, Api.obj("title", "已关闭的作业", "dueAt", due.toString(),
                "remindHoursBefore", 6)).andExpect(status().isCreated())).get("id").asLong();
        api.post(cast.owner(), base + "/" + closed + "/close", null).andExpect(status().isOk());
        handIn(cast.member(), base, id);

        // 23 hours on: the reminder's hour (6 hours before the due time) has not come
        clock.advance(Duration.ofHours(23));
        assertThat(reminders.sendDue()).isZero();
        // 25 hours on: it has; the owner, admin and core member have not handed in, the member has
        clock.advance(Duration.ofHours(2));
        handIn(cast.core(), base, id);
        assertThat(reminders.sendDue()).isEqualTo(2);
        assertThat(reminders.sendDue()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> told(cast.owner().id()) == 1 && told(cast.admin().id()) == 1);
        assertThat(told(cast.member().id())).isZero();
        assertThat(told(cast.core().id())).isZero();
        assertThat(jdbc.sql("select count(*) from assignment_reminders where assignment_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from assignment_reminders where assignment_id = ?").param(closed)
                .query(Integer.class).single()).isZero();

        // someone who joins before the due time is told on the next run; nobody twice; nothing after the due time
        var newcomer = community.seat("新来的", "MEMBER");
        clock.advance(Duration.ofHours(1));
        assertThat(reminders.sendDue()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> told(newcomer.id()) == 1);
        var late = community.seat("更晚来的", "MEMBER");
        clock.advance(Duration.ofHours(6));
        assertThat(reminders.sendDue()).isZero();
        assertThat(told(late.id())).isZero();
        assertThat(told(cast.owner().id())).isEqualTo(1);
    }
}
