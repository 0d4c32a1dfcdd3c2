package org.shequn.todo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.IntegrationTest;
import org.shequn.TestCommunity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The to-do centre: what waits for those who run a community, and the signed-in home across communities. */
@IntegrationTest
class ToDoTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOwnerSeesWhatWaitsAndItGoesAwayWhenDone() throws Exception {
        var api = new Api(mvc);
        var settings = new java.util.HashMap<>(CommunityFixtures.settings(Api.unique("todo-"), "APPROVAL", 40));
        settings.put("questions", List.of("为什么加入？"));
        var cast = TestCommunity.create(api, jdbc, api.register("群主老周"), settings).cast();
        var base = "/api/v1/communities/" + cast.slug();

        // nothing waits yet
        api.get(cast.owner(), base + "/todo").andExpect(status().isOk())
                .andExpect(jsonPath("$.pendingApplications").value(0)).andExpect(jsonPath("$.openReports").value(0))
                .andExpect(jsonPath("$.heldPosts").value(0)).andExpect(jsonPath("$.questions.length()").value(0));
        // a new community's page leads with its checklist (the rules are written; no section, post or invitation yet)
        assertThat(page(cast.owner(), "/c/" + cast.slug() + "/todo")).contains("开张清单（已完成 2/4）");

        // an application, a report, a held post and a question addressed to the owner
        var applicant = api.register("申请人小林");
        api.post(applicant, base + "/applications", Api.obj("answers", List.of("想认识同行")))
                .andExpect(status().isCreated());
        long post = Api.body(api.post(cast.member(), base + "/posts", Api.obj("kind", "DISCUSSION", "body", "周末约跑"))
                .andExpect(status().isCreated())).get("id").asLong();
        api.post(cast.core(), base + "/reports", Api.obj("postId", post, "reason", "广告")).andExpect(status().isCreated());
        api.put(cast.owner(), base + "/moderation/words", Api.obj("words", List.of(Map.of("word", "代购", "mode", "HOLD"))))
                .andExpect(status().is2xxSuccessful());
        api.post(cast.member(), base + "/posts", Api.obj("kind", "DISCUSSION", "body", "长期代购护肤品"))
                .andExpect(status().isCreated());
        long question = Api.body(api.post(cast.core(), base + "/posts", Api.obj("kind", "QUESTION", "title", "群主，活动几点集合？",
                "body", "想参加", "addresseeId", cast.owner().id())).andExpect(status().isCreated())).get("id").asLong();

        for (var runner : List.of(cast.owner(), cast.admin())) {
            api.get(runner, base + "/todo").andExpect(status().isOk())
                    .andExpect(jsonPath("$.pendingApplications").value(1))
                    .andExpect(jsonPath("$.applicants[0].name").value("申请人小林"))
                    .andExpect(jsonPath("$.openReports").value(1))
                    .andExpect(jsonPath("$.heldPosts").value(1))
                    .andExpect(jsonPath("$.members").value(4))
                    .andExpect(jsonPath("$.weeks.length()").value(12))
                    .andExpect(jsonPath("$.weeks[11].members").value(4));
        }
        // the question waits for the owner only
        api.get(cast.owner(), base + "/todo").andExpect(jsonPath("$.questions[0].postId").value(question))
                .andExpect(jsonPath("$.questions[0].askerName").value(cast.core().displayName()));
        api.get(cast.admin(), base + "/todo").andExpect(jsonPath("$.questions.length()").value(0));
        var html = page(cast.owner(), "/c/" + cast.slug() + "/todo");
        assertThat(html).contains("申请人小林").contains("群主，活动几点集合？").contains("class=\"todo-tile due\"")
                .contains("<polyline points=");

        // the owner and admins were told of the held post, in the inbox, with a way to the queue
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api.get(cast.admin(), "/api/v1/me/notifications")
                        .andExpect(jsonPath("$.items[?(@.kind == 'POST_HELD')].text").value(
                                org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("等待审核")))));

        // answering the question takes it off the list
        api.post(cast.owner(), base + "/posts/" + question + "/comments", Api.obj("body", "早上七点，公园南门。"))
                .andExpect(status().isCreated());
        api.get(cast.owner(), base + "/todo").andExpect(jsonPath("$.questions.length()").value(0));

        // who may look: owners and admins only, in the gate's order
        for (var who : List.of(cast.core(), cast.member(), cast.outsider())) {
            api.get(who, base + "/todo").andExpect(status().isForbidden());
        }
        api.get(null, base + "/todo").andExpect(status().isUnauthorized());
        api.get(cast.owner(), "/api/v1/communities/no-such-todo/todo").andExpect(status().isNotFound());
        mvc.perform(get("/c/" + cast.slug() + "/todo").header("Authorization", cast.member().bearer()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theMemberCountRemembersWhoLeft() throws Exception {
        var api = new Api(mvc);
        var cast = TestCommunity.create(api, jdbc, api.register("群主"),
                CommunityFixtures.settings(Api.unique("todo-count-"), "OPEN", 40)).cast();
        var base = "/api/v1/communities/" + cast.slug();
        var passer = api.register("路过的人");
        api.post(passer, base + "/join", null).andExpect(status().is2xxSuccessful());
        api.get(cast.owner(), base + "/todo").andExpect(jsonPath("$.members").value(5))
                .andExpect(jsonPath("$.newThisWeek").value(5)).andExpect(jsonPath("$.weeks[11].members").value(5))
                .andExpect(jsonPath("$.weeks[10].members").value(0));
        api.post(passer, base + "/leave", null).andExpect(status().is2xxSuccessful());
        assertThat(jdbc.sql("select count(*) from member_departures where community_id = ? and account_id = ?")
                .params(cast.id(), passer.id()).query(Integer.class).single()).isEqualTo(1);
        api.get(cast.owner(), base + "/todo").andExpect(jsonPath("$.members").value(4))
                .andExpect(jsonPath("$.weeks[11].members").value(4));
        // a week ago the leaver had not joined yet, and is not counted then either
        jdbc.sql("update memberships set joined_at = joined_at - interval '20' day where community_id = ?")
                .param(cast.id()).update();
        api.get(cast.owner(), base + "/todo").andExpect(jsonPath("$.weeks[9].members").value(4))
                .andExpect(jsonPath("$.newThisWeek").value(0));
    }

    @Test
    void aSignedInHomeListsMyCommunitiesWhatIsNewAndWhatWaits() throws Exception {
        var api = new Api(mvc);
        var cast = TestCommunity.create(api, jdbc, "todo-home-").cast();
        var base = "/api/v1/communities/" + cast.slug();
        api.post(cast.member(), base + "/posts", Api.obj("kind", "DISCUSSION", "body", "今天读完了《社群运营》"))
                .andExpect(status().isCreated());
        api.post(cast.member(), base + "/posts", Api.obj("kind", "DISCUSSION", "body", "明天一起跑步"))
                .andExpect(status().isCreated());
        api.get(cast.owner(), "/api/v1/me/home").andExpect(status().isOk())
                .andExpect(jsonPath("$.communities[0].slug").value(cast.slug()))
                .andExpect(jsonPath("$.communities[0].newPosts").value(2))
                .andExpect(jsonPath("$.communities[0].work.pendingApplications").value(0))
                .andExpect(jsonPath("$.communities[0].role").value("OWNER"));
        // the author's own posts are not news to them; a plain member has no work
        api.get(cast.member(), "/api/v1/me/home").andExpect(jsonPath("$.communities[0].newPosts").value(0))
                .andExpect(jsonPath("$.communities[0].work").doesNotExist());
        // opening the feed reads the news
        api.get(cast.owner(), base + "/posts").andExpect(status().isOk());
        api.get(cast.owner(), "/api/v1/me/home").andExpect(jsonPath("$.communities[0].newPosts").value(0));

        // the front page leads a signed-in person home; anonymous visitors still get the front page
        mvc.perform(get("/").header("Authorization", cast.owner().bearer())).andExpect(redirectedUrl("/home"));
        mvc.perform(get("/")).andExpect(status().isOk());
        assertThat(page(cast.core(), "/home")).contains("/c/" + cast.slug() + "/posts").contains("2 篇新帖");
        api.get(null, "/api/v1/me/home").andExpect(status().isUnauthorized());
        var stranger = api.register("新来的");
        assertThat(page(stranger, "/home")).contains("你还没有加入任何社群");
    }

    private String page(Api.User user, String path) throws Exception {
        return mvc.perform(get(path).header("Authorization", user.bearer()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
