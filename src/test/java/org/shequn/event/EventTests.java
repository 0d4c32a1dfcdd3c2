package org.shequn.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Events through HTTP: the owner and admins plan them (bad input refused, nothing written), members register,
 * the waitlist moves up when someone cancels and tells the promoted member, approval mode, the cutoff, and what
 * members write comes back inert.
 */
@IntegrationTest
class EventTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    EventScene scene() throws Exception {
        return EventScene.create(mvc, jdbc, clock);
    }

    @Test
    void theOwnerCreatesEditsAndCancelsAnEventThatMembersSee() throws Exception {
        var s = scene();
        var api = s.api();
        var created = Api.body(api.post(s.cast().admin(), s.base(), s.draft("kind", "BOTH", "onlineUrl",
                "https://meeting.example.com/j/42", "speakerId", s.cast().core().id(), "capacity", 20,
                "questions", List.of("你的职业？"), "cancelHours", 24, "helperIds", List.of(s.member("助手").id())))
                .andExpect(status().isCreated()));
        long id = created.get("id").asLong();
        assertThat(created.get("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(created.get("html").asString()).contains("<strong>置身事内</strong>");
        assertThat(created.get("speakerName").asString()).isEqualTo("核心成员");
        // a member sees the event but not its online link before registering
        api.get(s.cast().member(), s.base() + "/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("周六读书会"))
                .andExpect(jsonPath("$.hasOnlineLink").value(true))
                .andExpect(jsonPath("$.onlineUrl").doesNotExist())
                .andExpect(jsonPath("$.questions[0]").value("你的职业？"));
        api.get(s.cast().member(), s.base()).andExpect(status().isOk()).andExpect(jsonPath("$.upcoming[0].id").value(id));
        api.put(s.cast().owner(), s.base() + "/" + id, s.draft("title", "周日读书会", "capacity", 30))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("周日读书会"))
                .andExpect(jsonPath("$.capacity").value(30));
        // members may not plan
        api.post(s.cast().member(), s.base(), s.draft()).andExpect(status().isForbidden());
        api.put(s.cast().core(), s.base() + "/" + id, s.draft()).andExpect(status().isForbidden());
        api.post(s.cast().owner(), s.base() + "/" + id + "/cancel", null).andExpect(status().isNoContent());
        api.post(s.cast().owner(), s.base() + "/" + id + "/cancel", null).andExpect(status().isConflict());
        api.get(s.cast().member(), s.base() + "/" + id).andExpect(jsonPath("$.cancelled").value(true));
        // a cancelled event takes no registrations
        api.post(s.cast().member(), s.base() + "/" + id + "/registration", Api.obj("answers", List.of("工程师")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("这个活动已经取消了。"));
    }

    @Test
    void refusesABadEventWithAClearMessageAndWritesNothing() throws Exception {
        var s = scene();
        var api = s.api();
        var owner = s.cast().owner();
        api.post(owner, s.base(), s.draft("end", s.in(Duration.ofDays(1)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("end"))
                .andExpect(jsonPath("$.errors[0].message").value("结束时间必须晚于开始时间。"));
        api.post(owner, s.base(), s.draft("zone", "Mars/Olympus_Mons")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("zone"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("Mars/Olympus_Mons")));
        // an offset is not a zone: summer time would be lost
        api.post(owner, s.base(), s.draft("zone", "+08:00")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("zone"));
        api.post(owner, s.base(), s.draft("mapUrl", "javascript:alert(1)")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mapUrl"));
        api.post(owner, s.base(), s.draft("kind", "ONLINE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("onlineUrl"));
        api.post(owner, s.base(), s.draft("start", s.in(Duration.ofHours(-3)), "end", s.in(Duration.ofHours(-1))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("start"));
        api.post(owner, s.base(), s.draft("start", "next saturday")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("start"));
        api.post(owner, s.base(), s.draft("capacity", 0)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("capacity"));
        api.post(owner, s.base(), s.draft("speakerId", s.cast().outsider().id())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("speakerId"));
        api.post(owner, s.base(), s.draft("questions", List.of("一", "二", "三", "四"))).andExpect(status().isBadRequest());
        api.post(owner, s.base(), s.draft("title", "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        assertThat(jdbc.sql("select count(*) from events where community_id = ?").param(s.community().id())
                .query(Integer.class).single()).isZero();
        // the form says it on the field, in the member's language
        var web = s.browser("网页管理员", "ADMIN").web();
        web.form(s.pages(), "title", "读书会", "description", "介绍", "kind", "OFFLINE", "start", s.in(Duration.ofDays(2)),
                        "end", s.in(Duration.ofDays(1)), "zone", "Asia/Shanghai", "place", "咖啡馆")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("结束时间必须晚于开始时间。")))
                .andExpect(content().string(containsString("value=\"读书会\"")));
        web.english().form(s.pages(), "title", "Book club", "description", "Intro", "kind", "OFFLINE",
                        "start", s.in(Duration.ofDays(2)), "end", s.in(Duration.ofDays(3)), "zone", "Europe/Atlantis", "place", "Cafe")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is no time zone called Europe/Atlantis")));
    }

    @Test
    void aFullEventWaitlistsTheThirdAndACancellationPromotesAndTellsThem() throws Exception {
        var s = scene();
        var api = s.api();
        long id = s.create("capacity", 2, "questions", List.of("你从哪里来？"));
        var a = s.member("甲");
        var b = s.member("乙");
        var c = s.member("丙");
        var registration = s.base() + "/" + id + "/registration";
        api.post(a, registration, Api.obj("answers", List.of("北京"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.mine.state").value("REGISTERED"));
        api.post(b, registration, Api.obj("answers", List.of("上海"))).andExpect(jsonPath("$.mine.state").value("REGISTERED"));
        api.post(c, registration, Api.obj("answers", List.of("深圳"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.mine.state").value("WAITLISTED"))
                .andExpect(jsonPath("$.mine.waitlistPosition").value(1))
                .andExpect(jsonPath("$.mine.ticketUrl").doesNotExist());
        // twice is refused; so is a registration without its answer
        api.post(a, registration, Api.obj("answers", List.of("北京"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("你已经报名了这个活动。"));
        api.post(s.member("丁"), registration, Api.obj("answers", List.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("answers[0]"));
        // the capacity may not go below the two registered
        api.put(s.cast().owner(), s.base() + "/" + id, s.draft("capacity", 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("capacity"))
                .andExpect(jsonPath("$.errors[0].message").value("已有 2 人报名成功，人数上限不能低于 2。"));
        // 甲 cancels: 丙 takes the seat in the same transaction and is told
        api.delete(a, registration).andExpect(status().isOk()).andExpect(jsonPath("$.mine.state").value("CANCELLED"));
        assertThat(s.state(id, c.id())).isEqualTo("REGISTERED");
        assertThat(jdbc.sql("select count(*) from event_registrations where event_id = ? and state = 'REGISTERED'")
                .param(id).query(Integer.class).single()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(s.notifications(c.id(), "EVENT_PROMOTED")).isEqualTo(1));
        api.get(c, "/api/v1/notifications").andExpect(jsonPath("$.items[0].kind").value("EVENT_PROMOTED"))
                .andExpect(jsonPath("$.items[0].link").value("/c/" + s.community().slug() + "/events"));
        api.get(c, s.base() + "/" + id).andExpect(jsonPath("$.mine.ticketUrl").value(containsString("/tickets/")));
        // cancelling what one does not have is a conflict; registering again puts 甲 at the back of the queue
        api.delete(a, registration).andExpect(status().isConflict());
        api.post(a, registration, Api.obj("answers", List.of("北京"))).andExpect(jsonPath("$.mine.state").value("WAITLISTED"));
        // a larger capacity moves the waitlist up at once
        api.put(s.cast().owner(), s.base() + "/" + id, s.draft("capacity", 3, "questions", List.of("你从哪里来？")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.registered").value(3));
        assertThat(s.state(id, a.id())).isEqualTo("REGISTERED");
    }

    @Test
    void aSeatCannotBeGivenUpAfterTheCutoffAndAStartedEventTakesNoRegistrations() throws Exception {
        var s = scene();
        var api = s.api();
        long id = s.create("cancelHours", 72);
        var a = s.member("甲");
        var registration = s.base() + "/" + id + "/registration";
        api.post(a, registration, null).andExpect(jsonPath("$.mine.state").value("REGISTERED"))
                .andExpect(jsonPath("$.mayCancel").value(false));
        api.delete(a, registration).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("活动开始前 72 小时起不能再取消报名。"));
        clock.advance(Duration.ofDays(2).plusMinutes(5));
        api.post(s.member("迟到"), registration, null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("活动已经开始或结束，不能再报名。"));
    }

    @Test
    void withApprovalARunnerDecidesEachRegistration() throws Exception {
        var s = scene();
        var api = s.api();
        long id = s.create("approval", true, "capacity", 1);
        var a = s.member("甲");
        var b = s.member("乙");
        var registration = s.base() + "/" + id + "/registration";
        api.post(a, registration, null).andExpect(jsonPath("$.mine.state").value("PENDING"));
        api.post(b, registration, null).andExpect(jsonPath("$.mine.state").value("PENDING"));
        var guests = Api.body(api.get(s.cast().admin(), s.base() + "/" + id + "/registrations").andExpect(status().isOk()));
        assertThat(guests.get("pending").asInt()).isEqualTo(2);
        long first = guests.get("guests").get(0).get("registrationId").asLong();
        long second = guests.get("guests").get(1).get("registrationId").asLong();
        api.post(s.cast().member(), s.base() + "/" + id + "/registrations/" + first + "/approve", null)
                .andExpect(status().isForbidden());
        api.post(s.cast().admin(), s.base() + "/" + id + "/registrations/" + first + "/approve", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REGISTERED"));
        api.post(s.cast().admin(), s.base() + "/" + id + "/registrations/" + first + "/approve", null)
                .andExpect(status().isConflict());
        // full now: the second approved goes on the waitlist; refused instead, they are out
        api.post(s.cast().owner(), s.base() + "/" + id + "/registrations/" + second + "/refuse", null)
                .andExpect(status().isNoContent());
        assertThat(s.state(id, a.id())).isEqualTo("REGISTERED");
        assertThat(s.state(id, b.id())).isEqualTo("REFUSED");
        api.get(s.cast().member(), s.base() + "/" + id + "/registrations").andExpect(status().isForbidden());
    }

    @Test
    void theHostHearsOfEachRequestAndTheMemberOfTheAnswer() throws Exception {
        var s = scene();
        var api = s.api();
        long id = s.create("approval", true, "capacity", 1);
        var a = s.member("甲");
        var b = s.member("乙");
        var c = s.member("丙");
        var registration = s.base() + "/" + id + "/registration";
        for (var who : List.of(a, b, c)) {
            api.post(who, registration, null).andExpect(jsonPath("$.mine.state").value("PENDING"));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(s.notifications(s.cast().owner().id(), "EVENT_REGISTRATION_REQUESTED")).isEqualTo(3));
        var guests = Api.body(api.get(s.cast().admin(), s.base() + "/" + id + "/registrations").andExpect(status().isOk()));
        long first = guests.get("guests").get(0).get("registrationId").asLong();
        long second = guests.get("guests").get(1).get("registrationId").asLong();
        long third = guests.get("guests").get(2).get("registrationId").asLong();
        api.post(s.cast().admin(), s.base() + "/" + id + "/registrations/" + first + "/approve", null)
                .andExpect(jsonPath("$.state").value("REGISTERED"));
        api.post(s.cast().admin(), s.base() + "/" + id + "/registrations/" + second + "/approve", null)
                .andExpect(jsonPath("$.state").value("WAITLISTED"));
        api.post(s.cast().owner(), s.base() + "/" + id + "/registrations/" + third + "/refuse", null)
                .andExpect(status().isNoContent());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(s.notifications(a.id(), "EVENT_REGISTRATION_APPROVED")).isEqualTo(1);
            assertThat(s.notifications(b.id(), "EVENT_REGISTRATION_WAITLISTED")).isEqualTo(1);
            assertThat(s.notifications(c.id(), "EVENT_REGISTRATION_REFUSED")).isEqualTo(1);
        });
        assertThat(s.notifications(a.id(), "EVENT_REGISTRATION_REFUSED") + s.notifications(c.id(), "EVENT_REGISTRATION_APPROVED"))
                .isZero();
        var inbox = Api.body(api.get(c, "/api/v1/me/notifications").andExpect(status().isOk())).toString();
        assertThat(inbox).contains("未通过审核");
    }

    @Test
    void whatMembersWriteComesBackInert() throws Exception {
        var s = scene();
        var api = s.api();
        long id = s.create("description", "<script>alert('x')</script><img src=x onerror=alert(1)>\n\n**好**",
                "questions", List.of("<b>问题</b>"));
        var member = s.browser("成员甲", "MEMBER");
        member.web().form(s.pages() + "/" + id + "/register", "answer", "<img src=x onerror=alert(2)>")
                .andExpect(status().is3xxRedirection());
        var page = member.web().get(s.pages() + "/" + id).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("<strong>好</strong>");
        var staff = s.browser("网页管理员", "ADMIN");
        var guests = staff.web().get(s.pages() + "/" + id + "/registrations").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(guests).contains("&lt;img src=x onerror=alert(2)&gt;").doesNotContain("<img src=x")
                .contains("&lt;b&gt;问题&lt;/b&gt;").doesNotContain("<b>问题</b>");
        api.get(s.cast().member(), s.base() + "/" + id)
                .andExpect(jsonPath("$.html").value(not(containsString("<script"))))
                .andExpect(jsonPath("$.html").value(not(containsString("<img"))));
    }

    @Test
    void theEventPagesRegisterAndShowTheTicketAndTheReleasedLink() throws Exception {
        var s = scene();
        long id = s.create("kind", "BOTH", "onlineUrl", "https://meeting.example.com/j/7",
                "linkReleasedAt", s.in(Duration.ofDays(1)), "capacity", 5);
        var member = s.browser("成员甲", "MEMBER");
        member.web().get(s.pages()).andExpect(status().isOk())
                .andExpect(content().string(containsString("周六读书会")))
                .andExpect(content().string(containsString("已报名 0 / 5 人")));
        member.web().get(s.pages() + "/" + id).andExpect(status().isOk())
                .andExpect(content().string(containsString("起看到链接")))
                .andExpect(content().string(not(containsString("meeting.example.com"))));
        member.web().form(s.pages() + "/" + id + "/register").andExpect(status().is3xxRedirection());
        member.web().get(s.pages() + "/" + id).andExpect(status().isOk())
                .andExpect(content().string(containsString("ticket.svg")))
                .andExpect(content().string(containsString("将于")))
                .andExpect(content().string(not(containsString("meeting.example.com/j/7"))));
        member.web().get(s.pages() + "/" + id + "/ticket.svg").andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        member.web().get(s.pages() + "/" + id).andExpect(content().string(containsString("https://meeting.example.com/j/7")));
        // the outsider and the anonymous visitor get nothing
        s.api().get(s.cast().outsider(), s.base() + "/" + id).andExpect(status().isForbidden());
        s.api().get(null, s.base() + "/" + id).andExpect(status().isUnauthorized());
        member.web().form(s.pages() + "/" + id + "/unregister").andExpect(status().is3xxRedirection());
        assertThat(s.state(id, member.id())).isEqualTo("CANCELLED");
    }
}
