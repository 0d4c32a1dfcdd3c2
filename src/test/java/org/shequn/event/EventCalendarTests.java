package org.shequn.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Calendars and reminders: an event's {@code .ics} in UTC, the personal feed behind a secret that its member
 * regenerates or revokes, and the reminders 24 h and 1 h before the start, each sent once.
 */
@IntegrationTest
class EventCalendarTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    EventReminders reminders;

    @Test
    void anEventsCalendarFileIsInUtcAndMyFeedListsMyEventsBehindASecret() throws Exception {
        var s = EventScene.create(mvc, jdbc, clock);
        var start = s.in(Duration.ofDays(3));
        long id = s.create("title", "城市夜跑", "start", start, "end", s.in(Duration.ofDays(3).plusHours(1)));
        long other = s.create("title", "不去的活动");
        var member = s.cast().member();
        var utc = LocalDateTime.parse(start).atZone(EventScene.SHANGHAI).withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm"));
        var ics = s.api().get(member, s.base() + "/" + id + "/calendar").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(ics).contains("BEGIN:VCALENDAR").contains("SUMMARY:城市夜跑").contains("DTSTART:" + utc)
                .contains("LOCATION:").doesNotContain("VTIMEZONE");
        s.api().get(s.cast().outsider(), s.base() + "/" + id + "/calendar").andExpect(status().isForbidden());

        s.api().post(member, s.base() + "/" + id + "/registration", null).andExpect(status().isOk());
        s.api().get(member, "/api/v1/me/calendar-feed").andExpect(status().isOk());
        var url = Api.body(s.api().post(member, "/api/v1/me/calendar-feed", null).andExpect(status().isOk())).get("url").asString();
        var path = url.substring(url.indexOf("/calendar/"));
        var feed = mvc.perform(MockMvcRequestBuilders.get(path)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(feed).contains("SUMMARY:城市夜跑").doesNotContain("不去的活动");
        assertThat(other).isPositive();
        // a new secret replaces the old; revoking leaves none
        var renewed = Api.body(s.api().post(member, "/api/v1/me/calendar-feed", null)).get("url").asString();
        assertThat(renewed).isNotEqualTo(url);
        mvc.perform(MockMvcRequestBuilders.get(path)).andExpect(status().isNotFound());
        s.api().delete(member, "/api/v1/me/calendar-feed").andExpect(status().isNoContent());
        mvc.perform(MockMvcRequestBuilders.get(renewed.substring(renewed.indexOf("/calendar/")))).andExpect(status().isNotFound());
        s.api().get(null, "/api/v1/me/calendar-feed").andExpect(status().isUnauthorized());
    }

    @Test
    void registeredGuestsAreRemindedADayAndAnHourBeforeEachOnce() throws Exception {
        var s = EventScene.create(mvc, jdbc, clock);
        long id = s.create("start", s.in(Duration.ofHours(30)), "end", s.in(Duration.ofHours(32)), "capacity", 1);
        var guest = s.member("来宾");
        var waiting = s.member("候补");
        s.api().post(guest, s.base() + "/" + id + "/registration", null).andExpect(status().isOk());
        s.api().post(waiting, s.base() + "/" + id + "/registration", null).andExpect(status().isOk());
        reminders.sendDue();
        assertThat(sent(id)).isZero();
        clock.advance(Duration.ofHours(7));
        reminders.sendDue();
        reminders.sendDue();
        assertThat(sent(id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(s.notifications(guest.id(), "EVENT_REMINDER_DAY")).isEqualTo(1));
        clock.advance(Duration.ofHours(22).plusMinutes(30));
        reminders.sendDue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(s.notifications(guest.id(), "EVENT_REMINDER_HOUR")).isEqualTo(1));
        reminders.sendDue();
        assertThat(sent(id)).isEqualTo(2);
        assertThat(s.notifications(waiting.id(), "EVENT_REMINDER_DAY") + s.notifications(waiting.id(), "EVENT_REMINDER_HOUR")).isZero();
        assertThat(s.notifications(guest.id(), "EVENT_REMINDER_DAY")).isEqualTo(1);
    }

    private int sent(long eventId) {
        return jdbc.sql("select count(*) from event_reminders where event_id = ?").param(eventId).query(Integer.class).single();
    }
}
