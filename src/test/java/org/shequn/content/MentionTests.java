package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** @mentions: tokens, who hears of them (once, members only, not self, only new ones on edit), the autocomplete. */
@IntegrationTest
@RecordApplicationEvents
class MentionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    static String token(Api.User user) {
        return "@[" + user.displayName() + "](member:" + user.id() + ")";
    }

    List<MemberMentioned> mentions(long postId) {
        return events.stream(MemberMentioned.class).filter(m -> m.postId() == postId).toList();
    }

    @Test
    void aPostMentionsEachMemberOnceNeverItsAuthorAndNeverOutsiders() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var body = "请 " + token(f.member()) + " 和 " + token(f.admin()) + " 看看，再叫一次 " + token(f.member())
                + "，我自己 " + token(f.core()) + "，路人 " + token(f.outsider());
        long post = f.discussion(f.core(), body);
        assertThat(mentions(post)).extracting(MemberMentioned::mentionedId).containsExactly(f.member().id(), f.admin().id());
        assertThat(mentions(post)).allSatisfy(m -> {
            assertThat(m.byAccountId()).isEqualTo(f.core().id());
            assertThat(m.commentId()).isNull();
            assertThat(m.communityId()).isEqualTo(f.communityId());
        });
        var html = Api.body(f.api().get(f.member(), f.base() + "/posts/" + post)).get("bodyHtml").asString();
        assertThat(html).contains("<a href=\"/c/" + f.slug() + "/members/" + f.member().id() + "\"")
                .contains(">&#64;普通成员</a>").contains("/members/" + f.admin().id())
                .doesNotContain("/members/" + f.outsider().id()).contains("路人 &#64;路人").doesNotContain("member:");

        // the edit adds the owner and keeps the others: only the owner hears of it
        f.api().put(f.core(), f.base() + "/posts/" + post, Api.obj("kind", "DISCUSSION",
                "body", body + " 还有 " + token(f.owner()))).andExpect(status().isOk());
        assertThat(mentions(post)).extracting(MemberMentioned::mentionedId)
                .containsExactly(f.member().id(), f.admin().id(), f.owner().id());

        // a comment's mention carries the comment
        long comment = Long.parseLong(f.api().post(f.member(), f.base() + "/posts/" + post + "/comments",
                Api.obj("body", "回复 " + token(f.core()) + " 和自己 " + token(f.member())))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("X-Comment-Id"));
        var last = mentions(post).getLast();
        assertThat(mentions(post)).hasSize(4);
        assertThat(last.commentId()).isEqualTo(comment);
        assertThat(last.mentionedId()).isEqualTo(f.core().id());
        f.api().get(f.member(), f.base() + "/posts/" + post)
                .andExpect(jsonPath("$.comments[0].bodyHtml").value(Matchers.containsString("/members/" + f.core().id())));
    }

    @Test
    void atMostTenMembersPerTextAndNamesAreTheMembersOwn() throws Exception {
        var api = new Api(mvc);
        var f = ContentFixture.create(api, jdbc);
        var many = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            var someone = api.register("成员" + i);
            Members.add(jdbc, f.communityId(), someone.id(), "MEMBER");
            many.append(token(someone)).append(' ');
        }
        long post = f.discussion(f.owner(), many.toString());
        assertThat(mentions(post)).hasSize(10);
        // the name inside the token is only what the writer typed: the page shows the member's real name
        long spoof = f.discussion(f.core(), "@[群主](member:" + f.member().id() + ")");
        assertThat(Api.body(f.api().get(f.owner(), f.base() + "/posts/" + spoof)).get("bodyHtml").asString())
                .contains(">&#64;普通成员</a>").doesNotContain("群主");
    }

    @Test
    void hostileDisplayNamesAndTokensNeverRenderAsMarkup() throws Exception {
        var api = new Api(mvc);
        var f = ContentFixture.create(api, jdbc);
        var text = new StringBuilder();
        for (var payload : ContentSafetyTests.XSS) {
            if (payload.length() > 40) {
                continue;
            }
            var hostile = api.register(payload);
            Members.add(jdbc, f.communityId(), hostile.id(), "MEMBER");
            text.append(token(hostile)).append(" @[").append(payload.replaceAll("[\\[\\]]", "")).append("](member:")
                    .append(f.outsider().id()).append(") ");
        }
        long post = f.discussion(f.member(), text.toString());
        long comment = Long.parseLong(f.api().post(f.core(), f.base() + "/posts/" + post + "/comments",
                Api.obj("body", text.toString())).andReturn().getResponse().getHeader("X-Comment-Id"));
        var view = Api.body(f.api().get(f.member(), f.base() + "/posts/" + post));
        for (var html : List.of(view.get("bodyHtml").asString(), view.get("comments").get(0).get("bodyHtml").asString())) {
            assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                    .doesNotContainIgnoringCase("<svg").doesNotContainIgnoringCase("<iframe")
                    .doesNotContainIgnoringCase("href=\"javascript").doesNotContainIgnoringCase("onerror=\"")
                    .contains("&lt;script&gt;");
        }
        var page = new Api(mvc).get(f.member(), "/c/" + f.slug() + "/posts/" + post).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("<img src=x").doesNotContain("<svg onload").doesNotContain("<script>alert");
        assertThat(comment).isPositive();
    }

    @Test
    void theAutocompleteOffersMembersByNamePrefixToMembersOnly() throws Exception {
        var api = new Api(mvc);
        var owner = api.register("群主");
        var slug = Api.unique("mention-");
        api.post(owner, "/api/v1/communities", CommunityFixtures.settings(slug, "OPEN", 40)).andExpect(status().isCreated());
        var wang = api.register("王小明");
        var wang2 = api.register("王大力");
        var li = api.register("李四");
        var hostile = api.register("王<img src=x onerror=alert(1)>");
        var blocked = api.register("王被拉黑");
        for (var who : List.of(wang, wang2, li, hostile, blocked)) {
            api.post(who, "/api/v1/communities/" + slug + "/join", null).andExpect(status().isCreated());
        }
        api.put(blocked, "/api/v1/people/" + li.id() + "/block", null).andExpect(status().isNoContent());
        var outsider = api.register("王路人");
        var path = "/api/v1/communities/" + slug + "/members/suggest?q=";
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Api.body(api.get(owner, path + "王")).size()).as(Api.body(api.get(owner, path + "王")).toString()).isEqualTo(4));

        var names = new ArrayList<String>();
        Api.body(api.get(owner, path + "王")).forEach(s -> names.add(s.get("displayName").asString()));
        assertThat(names).containsExactlyInAnyOrder("王小明", "王大力", "王<img src=x onerror=alert(1)>", "王被拉黑");
        // the one who blocked me, or whom I blocked, is not offered
        names.clear();
        Api.body(api.get(li, path + "王")).forEach(s -> names.add(s.get("displayName").asString()));
        assertThat(names).containsExactlyInAnyOrder("王小明", "王大力", "王<img src=x onerror=alert(1)>");
        api.get(li, path + "王小").andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].accountId").value(wang.id()))
                .andExpect(jsonPath("$[0].token").value("@[王小明](member:" + wang.id() + ")"));
        api.get(blocked, path + "李").andExpect(jsonPath("$.length()").value(0));
        // I am not offered myself; empty input offers nobody; input is limited
        api.get(wang, path + "王小").andExpect(jsonPath("$.length()").value(0));
        api.get(li, path).andExpect(jsonPath("$.length()").value(0));
        api.get(li, path + "王".repeat(41)).andExpect(status().isBadRequest());

        api.get(outsider, path + "王").andExpect(status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.get(path + "王")).andExpect(status().isUnauthorized());
        api.get(owner, path + "李").andExpect(jsonPath("$[0].accountId").value(li.id()));
        // a given name finds the member too, after the names that start with what was typed
        api.get(li, path + "小明").andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].accountId").value(wang.id()));
        var laoWang = api.register("老王");
        api.post(laoWang, "/api/v1/communities/" + slug + "/join", null).andExpect(status().isCreated());
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Api.body(api.get(owner, path + "王")).size()).isEqualTo(5));
        var ranked = new ArrayList<String>();
        Api.body(api.get(owner, path + "王")).forEach(s -> ranked.add(s.get("displayName").asString()));
        assertThat(ranked.getLast()).isEqualTo("老王");

        // the fragment for the editor's script escapes names
        api.get(li, "/c/" + slug + "/members/suggest?q=王").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-token=\"@[王小明](member:" + wang.id() + ")\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<img"))));
        api.get(outsider, "/c/" + slug + "/members/suggest?q=王").andExpect(status().isForbidden());
    }
}
