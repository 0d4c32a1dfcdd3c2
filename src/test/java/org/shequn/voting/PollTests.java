package org.shequn.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.TestClock;
import org.shequn.TestCommunity;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Polls (投票) through HTTP: runners open them, members vote once while they are open, results show by the poll's
 * rule, an anonymous poll keeps choices apart from voters, and bad votes are refused with nothing written.
 */
@IntegrationTest
@RecordApplicationEvents
class PollTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    ApplicationEvents events;

    Api api;

    TestCommunity.Cast cast() throws Exception {
        api = new Api(mvc);
        return TestCommunity.create(api, jdbc, "polls-").cast();
    }

    static String base(TestCommunity.Cast c) {
        return "/api/v1/communities/" + c.slug() + "/polls";
    }

    JsonNode open(TestCommunity.Cast c, Api.User by, Object... overrides) throws Exception {
        var body = Api.obj("question", "周六读书会几点开始？", "options", List.of("上午十点", "下午两点", "晚上七点"),
                "maxChoices", 1, "closesAt", OffsetDateTime.now(clock).plusDays(2).toString(), "results", "AFTER_VOTING",
                "anonymous", false);
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        return Api.body(api.post(by, base(c), body).andExpect(status().isCreated()));
    }

    static long option(JsonNode poll, int i) {
        return poll.get("options").get(i).get("id").asLong();
    }

    @Test
    void membersVoteOnceAndSeeTheResultsAfterVotingWithNamesInANamedPoll() throws Exception {
        var c = cast();
        var poll = open(c, c.admin());
        long id = poll.get("id").asLong();
        String path = base(c) + "/" + id;
        // before voting: no counts
        api.get(c.member(), path).andExpect(status().isOk()).andExpect(jsonPath("$.resultsVisible").value(false))
                .andExpect(jsonPath("$.options[0].votes").doesNotExist()).andExpect(jsonPath("$.mayVote").value(true));
        api.post(c.member(), path + "/votes", Api.obj("options", List.of(option(poll, 1)))).andExpect(status().isOk())
                .andExpect(jsonPath("$.resultsVisible").value(true)).andExpect(jsonPath("$.options[1].votes").value(1))
                .andExpect(jsonPath("$.options[1].voterNames[0]").value("普通成员")).andExpect(jsonPath("$.voters").value(1));
        assertThat(events.stream(PollVoted.class).toList()).singleElement().satisfies(e -> {
            assertThat(e.pollId()).isEqualTo(id);
            assertThat(e.accountId()).isEqualTo(c.member().id());
            assertThat(e.communityId()).isEqualTo(c.id());
        });
        // twice: refused, nothing written
        api.post(c.member(), path + "/votes", Api.obj("options", List.of(option(poll, 0)))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("你已经投过票了，每人只能投一次。"));
        assertThat(choices(id)).isEqualTo(1);
        api.post(c.core(), path + "/votes", Api.obj("options", List.of(option(poll, 1)))).andExpect(status().isOk())
                .andExpect(jsonPath("$.options[1].votes").value(2));
        // single choice: two options refused; an option of another poll refused; none refused
        var other = open(c, c.owner());
        api.post(c.admin(), path + "/votes", Api.obj("options", List.of(option(poll, 0), option(poll, 2))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[?(@.field == 'options')]").exists());
        api.post(c.admin(), path + "/votes", Api.obj("options", List.of(option(other, 0)))).andExpect(status().isBadRequest());
        api.post(c.admin(), path + "/votes", Api.obj("options", List.of())).andExpect(status().isBadRequest());
        assertThat(choices(id)).isEqualTo(2);
        assertThat(voters(id)).isEqualTo(2);
        // outsiders and anonymous visitors are kept out
        api.get(c.outsider(), path).andExpect(status().isForbidden());
        api.post(c.outsider(), path + "/votes", Api.obj("options", List.of(option(poll, 0)))).andExpect(status().isForbidden());
        api.get(null, path).andExpect(status().isUnauthorized());
    }

    @Test
    void anAnonymousPollStoresChoicesWithoutTheVoterAndPublishesNoInteraction() throws Exception {
        var c = cast();
        var poll = open(c, c.owner(), "anonymous", true, "results", "ALWAYS", "maxChoices", 2);
        long id = poll.get("id").asLong();
        api.post(c.member(), base(c) + "/" + id + "/votes", Api.obj("options", List.of(option(poll, 0), option(poll, 2))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.options[0].votes").value(1))
                .andExpect(jsonPath("$.options[0].voterNames.length()").value(0));
        assertThat(events.stream(PollVoted.class).toList()).isEmpty();
        // who voted is known; what they chose has no link back to them
        assertThat(jdbc.sql("select ballot_id from poll_voters where poll_id = ?").param(id).query(String.class).list())
                .containsExactly((String) null);
        assertThat(columns("poll_choices")).containsExactlyInAnyOrder("poll_id", "ballot_id", "option_id");
        api.get(c.owner(), base(c) + "/" + id).andExpect(jsonPath("$.options[2].votes").value(1))
                .andExpect(jsonPath("$.options[2].voterNames.length()").value(0)).andExpect(jsonPath("$.voters").value(1));
    }

    @Test
    void resultsAfterClosingStayHiddenUntilTheDeadlineOrAnEarlyCloseAndLateVotesAreRefused() throws Exception {
        var c = cast();
        var poll = open(c, c.admin(), "results", "AFTER_CLOSING");
        long id = poll.get("id").asLong();
        String path = base(c) + "/" + id;
        api.post(c.member(), path + "/votes", Api.obj("options", List.of(option(poll, 0)))).andExpect(status().isOk())
                .andExpect(jsonPath("$.resultsVisible").value(false)).andExpect(jsonPath("$.voted").value(true));
        // members may not close it; the admin closes it early
        api.post(c.member(), path + "/close", null).andExpect(status().isForbidden());
        api.post(c.core(), path + "/close", null).andExpect(status().isForbidden());
        api.post(c.admin(), path + "/close", null).andExpect(status().isOk()).andExpect(jsonPath("$.closed").value(true))
                .andExpect(jsonPath("$.options[0].votes").value(1));
        api.post(c.admin(), path + "/close", null).andExpect(status().isConflict());
        api.post(c.core(), path + "/votes", Api.obj("options", List.of(option(poll, 0)))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("这个投票已经截止。"));
        // the deadline closes another the same way
        var second = open(c, c.owner(), "results", "AFTER_CLOSING");
        clock.advance(Duration.ofDays(3));
        api.post(c.core(), base(c) + "/" + second.get("id").asLong() + "/votes",
                Api.obj("options", List.of(option(second, 0)))).andExpect(status().isConflict());
        api.get(c.core(), base(c) + "/" + second.get("id").asLong()).andExpect(jsonPath("$.resultsVisible").value(true))
                .andExpect(jsonPath("$.voters").value(0));
        assertThat(voters(second.get("id").asLong())).isZero();
    }

    @Test
    void openingIsForRunnersAndBadPollsAreRefusedWithEveryProblemNamed() throws Exception {
        var c = cast();
        var good = Api.obj("question", "去哪儿团建？", "options", List.of("爬山", "露营"),
                "closesAt", OffsetDateTime.now(clock).plusDays(1).toString());
        api.post(c.core(), base(c), good).andExpect(status().isForbidden());
        api.post(c.member(), base(c), good).andExpect(status().isForbidden());
        long before = jdbc.sql("select count(*) from polls").query(Long.class).single();
        api.post(c.owner(), base(c), Api.obj("question", " ", "options", List.of("只有一个"), "maxChoices", 3,
                        "closesAt", OffsetDateTime.now(clock).minusHours(1).toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[?(@.field == 'question')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'options')].message").value("选项要有 2 到 20 个。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'closesAt')]").exists());
        api.post(c.owner(), base(c), Api.obj("question", "问题", "options", List.of("一", "二"), "maxChoices", 3,
                "closesAt", OffsetDateTime.now(clock).plusDays(1).toString())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'maxChoices')]").exists());
        api.post(c.owner(), base(c), Api.obj("question", "问题", "options", List.of("一", "一"),
                "closesAt", OffsetDateTime.now(clock).plusDays(1).toString())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'options')].message").value("有两个选项一样。"));
        api.post(c.owner(), base(c), Api.obj("question", "问题", "options", java.util.Collections.nCopies(21, "x"),
                "closesAt", OffsetDateTime.now(clock).plusDays(1).toString())).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from polls").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void thePagesOpenAPollTakeAVoteAndShowItsTextInert() throws Exception {
        var c = cast();
        var owner = new WebSession(mvc);
        long ownerId = jdbc.sql("select id from accounts where email = ?").param(owner.register("页面群主"))
                .query(Long.class).single();
        Members.add(jdbc, c.id(), ownerId, "ADMIN");
        var page = "/c/" + c.slug() + "/polls";
        owner.get(page + "/new").andExpect(status().isOk()).andExpect(content().string(containsString("name=\"options\"")));
        var xss = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var created = owner.form(page, "question", xss, "options", "甲\n" + xss, "maxChoices", "1",
                "closesAt", OffsetDateTime.now(clock).plusDays(1).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                        .toLocalDateTime().withSecond(0).withNano(0).toString(), "results", "ALWAYS")
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        var member = new WebSession(mvc);
        long memberId = jdbc.sql("select id from accounts where email = ?").param(member.register("页面成员"))
                .query(Long.class).single();
        Members.add(jdbc, c.id(), memberId, "MEMBER");
        member.get(page).andExpect(status().isOk()).andExpect(content().string(containsString("&lt;script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))));
        long first = jdbc.sql("select id from poll_options where poll_id = ? and position = 0").param(id).query(Long.class).single();
        member.form(page + "/" + id + "/votes", "option", String.valueOf(first)).andExpect(status().is3xxRedirection());
        member.get(page + "/" + id).andExpect(status().isOk())
                .andExpect(content().string(containsString("你已投过票")))
                .andExpect(content().string(containsString("页面成员")))
                .andExpect(content().string(not(containsString("<img src=x onerror"))));
        // a second vote from the page is said on the page
        member.form(page + "/" + id + "/votes", "option", String.valueOf(first)).andExpect(status().is3xxRedirection());
        member.get(page + "/" + id).andExpect(content().string(containsString("每人只能投一次")));
        assertThat(voters(id)).isEqualTo(1);
    }

    int choices(long pollId) {
        return jdbc.sql("select count(*) from poll_choices where poll_id = ?").param(pollId).query(Integer.class).single();
    }

    int voters(long pollId) {
        return jdbc.sql("select count(*) from poll_voters where poll_id = ?").param(pollId).query(Integer.class).single();
    }

    List<String> columns(String table) {
        return jdbc.sql("select lower(column_name) from information_schema.columns where lower(table_name) = ?")
                .param(table).query(String.class).list();
    }
}
