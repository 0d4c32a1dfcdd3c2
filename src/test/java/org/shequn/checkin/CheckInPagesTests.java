package org.shequn.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.TestClock;
import org.shequn.TestCommunity;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The check-in pages: a runner sets a challenge up through the form (a bad one comes back with its errors, nothing
 * written), a member checks in on the challenge's page, and the feed shows one digest card per challenge a day.
 */
@IntegrationTest
class CheckInPagesTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    void at(LocalDateTime wall) {
        clock.advance(Duration.between(clock.instant(), wall.atZone(SHANGHAI).toInstant()));
    }

    long accountId(String email) {
        return jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
    }

    @Test
    void aRunnerSetsUpAChallengeAndAMemberChecksInOnItsPageWhileTheFeedShowsOneDigestCard() throws Exception {
        var api = new Api(mvc);
        var community = TestCommunity.create(api, jdbc, "checkin-pages-");
        var owner = new WebSession(mvc);
        long ownerId = accountId(owner.register("群主网页"));
        Members.add(jdbc, community.id(), ownerId, "ADMIN");
        var member = new WebSession(mvc);
        long memberId = accountId(member.register("打卡成员"));
        Members.add(jdbc, community.id(), memberId, "MEMBER");
        var c = "/c/" + community.slug() + "/checkins";

        member.get(c + "/new").andExpect(status().isForbidden());
        long before = jdbc.sql("select count(*) from checkin_challenges").query(Long.class).single();
        owner.form(c, "title", "早起打卡", "rules", "", "startsOn", "2026-12-10", "endsOn", "2026-12-01", "frequency", "DAILY",
                        "zone", "Asia/Shanghai", "dayStartHour", "0", "makeUpQuota", "x", "makeUpPer", "WEEK")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("格式不对")));
        owner.form(c, "title", "早起打卡", "rules", "", "startsOn", "2026-12-10", "endsOn", "2026-12-01", "frequency", "DAILY",
                        "zone", "Nowhere/City", "dayStartHour", "0", "makeUpQuota", "1", "makeUpPer", "WEEK")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写如 Asia/Shanghai")))
                .andExpect(content().string(containsString("结束日期不能早于开始日期")));
        assertThat(jdbc.sql("select count(*) from checkin_challenges").query(Long.class).single()).isEqualTo(before);

        var created = owner.form(c, "title", "早起打卡", "rules", "六点前起床，**拍一张窗外**。", "startsOn", "2026-12-07",
                "endsOn", "2026-12-20", "frequency", "WEEKDAYS", "weekdays", "1", "weekdays", "2", "weekdays", "3",
                "weekdays", "4", "weekdays", "5", "zone", "Asia/Shanghai", "dayStartHour", "2", "onTimeUntil", "09:00",
                "lateUntil", "", "makeUpQuota", "1", "makeUpPer", "WEEK").andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));

        at(LocalDateTime.of(2026, 12, 8, 7, 0));
        member.get(c).andExpect(status().isOk()).andExpect(content().string(containsString("早起打卡")));
        member.get(c + "/" + id).andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>拍一张窗外</strong>")))
                .andExpect(content().string(containsString("checkin-form")));
        member.perform(MockMvcRequestBuilders.multipart(c + "/" + id + "/entries").param("text", "").with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请写下今天的打卡内容")));
        member.perform(MockMvcRequestBuilders.multipart(c + "/" + id + "/entries").param("text", "六点起床，天还没亮。").with(csrf()))
                .andExpect(redirectedUrl(c + "/" + id));
        member.perform(MockMvcRequestBuilders.multipart(c + "/" + id + "/entries").param("text", "再来").with(csrf()))
                .andExpect(redirectedUrl(c + "/" + id));
        member.get(c + "/" + id).andExpect(status().isOk())
                .andExpect(content().string(containsString("天还没亮")))
                .andExpect(content().string(containsString("今天已经打卡了")))
                .andExpect(content().string(not(containsString("class=\"form checkin-form\""))))
                .andExpect(content().string(containsString("打卡成员")));

        // the feed: one card for the challenge, however many check in
        owner.perform(MockMvcRequestBuilders.multipart(c + "/" + id + "/entries").param("text", "群主也起了").with(csrf()));
        var feed = member.get("/c/" + community.slug() + "/posts").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(feed.split("id=\"checkin-digest-" + id + "\"", -1)).hasSize(2);
        assertThat(feed).contains("今日打卡 2 人 · 你已打卡").doesNotContain("群主也起了");

        // the owner reviews and features from the page
        long checkIn = jdbc.sql("select id from check_ins where challenge_id = ? and account_id = ?").params(id, memberId)
                .query(Long.class).single();
        owner.form(c + "/" + id + "/entries/" + checkIn + "/reviews", "text", "坚持住！").andExpect(status().is3xxRedirection());
        owner.form(c + "/" + id + "/entries/" + checkIn + "/featured", "on", "true").andExpect(status().is3xxRedirection());
        member.get(c + "/" + id).andExpect(content().string(containsString("坚持住")))
                .andExpect(content().string(containsString("精选打卡")));

        // Saturday: no challenge day, no digest card
        at(LocalDateTime.of(2026, 12, 12, 10, 0));
        member.get("/c/" + community.slug() + "/posts").andExpect(content().string(not(containsString("checkin-digest-" + id))));
        owner.get(c + "/" + id + "/edit").andExpect(status().isOk()).andExpect(content().string(containsString("2026-12-20")));
        owner.form(c + "/" + id + "/close").andExpect(status().is3xxRedirection());
        member.get(c).andExpect(content().string(containsString("已结束")));
    }
}
