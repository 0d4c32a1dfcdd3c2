package org.shequn.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.TestCommunity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SearchTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    record Fixture(Api api, String slug, long communityId, Api.User owner, Api.User member, Api.User outsider) {

        /** A community with its owner, one member (成员) and an outsider (路人). */
        static Fixture create(Api api, JdbcClient jdbc, String slugPrefix) throws Exception {
            var community = TestCommunity.create(api, jdbc, slugPrefix);
            var member = community.seat("成员", "MEMBER");
            return new Fixture(api, community.slug(), community.id(), community.owner(), member, api.register("路人"));
        }

        String base() {
            return "/api/v1/communities/" + slug;
        }

        long post(Api.User author, Object body) throws Exception {
            return Api.body(api.post(author, base() + "/posts", body).andExpect(status().isCreated())).get("id").asLong();
        }

        long discussion(Api.User author, String text) throws Exception {
            return post(author, Api.obj("kind", "DISCUSSION", "body", text));
        }

        long comment(Api.User author, long postId, String text) throws Exception {
            return Long.parseLong(api.post(author, base() + "/posts/" + postId + "/comments", Api.obj("body", text))
                    .andExpect(status().isCreated()).andReturn().getResponse().getHeader("X-Comment-Id"));
        }

        JsonNode search(Api.User user, String query) throws Exception {
            return Api.body(api.get(user, base() + "/search?" + query).andExpect(status().isOk()));
        }

        List<Long> postIds(Api.User user, String q) throws Exception {
            return ids(search(user, "q=" + enc(q)), "postId");
        }
    }

    Fixture fixture() throws Exception {
        return Fixture.create(new Api(mvc), jdbc, "search-");
    }

    /** MockMvc takes the query as written (it encodes the URI itself and reads the parameters before that). */
    static String enc(String s) {
        return s;
    }

    static List<Long> ids(JsonNode results, String field) {
        var out = new ArrayList<Long>();
        results.get("items").forEach(i -> out.add(i.get(field).asLong()));
        return out;
    }

    static void eventually(ThrowingRunnable check) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(check::run);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void theIssueExampleChineseSeedsAndEnglish() throws Exception {
        var f = fixture();
        long howTo = f.discussion(f.member(), "如何做好社群的运营？先想清楚为谁服务。");
        long seed = f.post(f.member(), Api.obj("kind", "ARTICLE", "title", "社群运营中的六大认知误区",
                "body", "比如,在东莞东城万达小区里,人与人彼此不熟悉,见面连个话都不说,他们根本谈不上社群。但是社群化营销,这个小区里有一个以“遛狗”为中介的迷你社群。"));
        long traditional = f.discussion(f.member(), "社群對于新媒體運營來說是神一般的存在,為什么。社群和人群有什么區別?");
        long english = f.discussion(f.member(), "Growth hacking for an online Community: retention beats acquisition.");
        long other = f.discussion(f.member(), "今天天气很好，我们去爬山。");
        eventually(() -> assertThat(f.postIds(f.member(), "社群运营")).contains(howTo, seed).doesNotContain(other, english));
        var results = f.search(f.member(), "q=" + enc("社群运营"));
        assertThat(results.get("matchedAll").asBoolean()).isTrue();
        // the title match ranks the article first
        assertThat(results.get("items").get(0).get("postId").asLong()).isEqualTo(seed);
        assertThat(results.get("items").get(0).get("snippetHtml").asString()).contains("<mark>社群</mark>");
        assertThat(f.postIds(f.member(), "遛狗")).containsExactly(seed);
        assertThat(f.postIds(f.member(), "community RETENTION")).containsExactly(english);
        // traditional characters are folded to simplified ones on both sides: 运营 finds 運營 and the reverse,
        // and the snippet highlights the original traditional text
        assertThat(f.postIds(f.member(), "社群")).contains(traditional, howTo, seed);
        assertThat(f.postIds(f.member(), "运营")).contains(howTo, seed, traditional);
        assertThat(f.postIds(f.member(), "新媒體運營")).first().isEqualTo(traditional);
        var folded = f.search(f.member(), "q=" + enc("新媒体"));
        assertThat(ids(folded, "postId")).containsExactly(traditional);
        assertThat(folded.get("items").get(0).get("snippetHtml").asString()).contains("<mark>新媒體</mark>");
        // no document holds every word: any word will do, and the results say so
        var partial = f.search(f.member(), "q=" + enc("爬山 retention"));
        assertThat(partial.get("matchedAll").asBoolean()).isFalse();
        assertThat(ids(partial, "postId")).containsExactlyInAnyOrder(other, english);
        // ... and a document holding more of the words ranks first (its words' scores add up). Not 天气: jieba
        // keeps 今天天气 as one word, and then both posts scored one word each and their order was a tie.
        var most = f.search(f.member(), "q=" + enc("retention 爬山 我们"));
        assertThat(most.get("matchedAll").asBoolean()).isFalse();
        assertThat(ids(most, "postId")).containsExactly(other, english);
        assertThat(f.postIds(f.member(), "量子物理")).isEmpty();
    }

    @Test
    void commentsFiltersAndPaging() throws Exception {
        var f = fixture();
        long section = Api.body(f.api().post(f.owner(), f.base() + "/sections", Api.obj("name", "问答", "description", "说明",
                "icon", "chat", "posting", "EVERYONE")).andExpect(status().isCreated())).get("id").asLong();
        long question = f.post(f.member(), Api.obj("kind", "QUESTION", "title", "私域流量怎么做？", "body", "想听听大家的经验",
                "sectionId", section));
        long ownerPost = f.discussion(f.owner(), "私域流量的三个阶段");
        long comment = f.comment(f.owner(), question, "私域流量的关键是信任");
        eventually(() -> assertThat(f.postIds(f.member(), "私域流量")).hasSize(3));
        var comments = f.search(f.member(), "q=" + enc("私域流量") + "&kind=comment");
        assertThat(ids(comments, "commentId")).containsExactly(comment);
        assertThat(comments.get("items").get(0).get("url").asString()).endsWith("/posts/" + question + "#comment-" + comment);
        assertThat(ids(f.search(f.member(), "q=" + enc("私域流量") + "&kind=QUESTION"), "postId")).containsExactly(question);
        assertThat(ids(f.search(f.member(), "q=" + enc("私域流量") + "&section=" + section), "postId"))
                .containsExactlyInAnyOrder(question, question);
        assertThat(ids(f.search(f.member(), "q=" + enc("私域流量") + "&author=" + f.owner().id() + "&kind=POST"), "postId"))
                .containsExactly(ownerPost);
        assertThat(ids(f.search(f.member(), "q=" + enc("私域流量") + "&from=2000-01-01&to=2999-12-31"), "postId")).hasSize(3);
        assertThat(ids(f.search(f.member(), "q=" + enc("私域流量") + "&to=2001-01-01"), "postId")).isEmpty();
        // paging: 21 matching posts make two pages
        for (int i = 0; i < 21; i++) {
            f.discussion(f.member(), "分页测试 pagination " + i);
        }
        eventually(() -> assertThat(f.search(f.member(), "q=pagination").get("next").asString()).isEqualTo("20"));
        var second = f.search(f.member(), "q=pagination&cursor=20");
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.has("next") && !second.get("next").isNull()).isFalse();
    }

    @Test
    void aCommentIsFoundTheMomentItIsWrittenAndARefusedOneNever() throws Exception {
        var f = fixture();
        long post = f.discussion(f.owner(), "周末读书会");
        // indexed in the writer's transaction: no waiting
        long comment = f.comment(f.member(), post, "我带《乌合之众》来分享");
        assertThat(ids(f.search(f.member(), "q=" + enc("乌合之众") + "&kind=comment"), "commentId")).containsExactly(comment);
        // a comment refused (blocked word) writes nothing, the index entry included
        f.api().put(f.owner(), f.base() + "/moderation/words", Api.obj("words", List.of(Api.obj("word", "代购", "mode", "BLOCK"))))
                .andExpect(status().isOk());
        f.api().post(f.member(), f.base() + "/posts/" + post + "/comments", Api.obj("body", "专业代购龙井茶"))
                .andExpect(status().isBadRequest());
        assertThat(f.postIds(f.member(), "龙井茶")).isEmpty();
    }

    @Test
    void editedPostsAreReindexedAndRemovedOnesVanish() throws Exception {
        var f = fixture();
        long post = f.discussion(f.member(), "原来的内容讲的是咖啡");
        long comment = f.comment(f.member(), post, "咖啡评论");
        eventually(() -> assertThat(f.search(f.member(), "q=" + enc("咖啡")).get("items").size()).isEqualTo(2));
        f.api().put(f.member(), f.base() + "/posts/" + post, Api.obj("kind", "DISCUSSION", "body", "现在改成讲茶叶"))
                .andExpect(status().isOk());
        eventually(() -> assertThat(f.postIds(f.member(), "茶叶")).containsExactly(post));
        assertThat(ids(f.search(f.member(), "q=" + enc("咖啡")), "commentId")).containsExactly(comment);
        f.api().delete(f.member(), f.base() + "/comments/" + comment).andExpect(status().isNoContent());
        eventually(() -> assertThat(f.postIds(f.member(), "咖啡")).isEmpty());
        long second = f.discussion(f.member(), "茶叶第二篇");
        long reply = f.comment(f.member(), second, "茶叶的评论");
        eventually(() -> assertThat(f.search(f.member(), "q=" + enc("茶叶")).get("items").size()).isEqualTo(3));
        f.api().delete(f.member(), f.base() + "/posts/" + second).andExpect(status().isNoContent());
        eventually(() -> assertThat(f.postIds(f.member(), "茶叶")).containsExactly(post));
        assertThat(reply).isPositive();
    }

    @Test
    void aPostHiddenByModerationLeavesSearchWithItsCommentsAndReturnsWhenRestored() throws Exception {
        var f = fixture();
        var reader = f.api().register("读者");
        Members.add(jdbc, f.communityId(), reader.id(), "MEMBER");
        long post = f.discussion(f.member(), "周末露营装备清单，帐篷睡袋都列好了");
        long comment = f.comment(f.owner(), post, "露营最好再带一盏营地灯");
        long kept = f.discussion(f.owner(), "露营地点投票");
        eventually(() -> assertThat(ids(f.search(reader, "q=" + enc("露营")), "postId")).containsExactlyInAnyOrder(post, post, kept));

        f.api().put(f.owner(), f.base() + "/posts/" + post + "/hidden", null).andExpect(status().isNoContent());
        eventually(() -> assertThat(f.postIds(reader, "露营")).containsExactly(kept));
        // the comment went with its post (the results above hold no item of it), and so did the post's own words
        assertThat(ids(f.search(reader, "q=" + enc("营地灯") + "&kind=comment"), "commentId")).isEmpty();
        assertThat(f.postIds(reader, "帐篷睡袋")).isEmpty();

        f.api().delete(f.owner(), f.base() + "/posts/" + post + "/hidden").andExpect(status().isNoContent());
        eventually(() -> assertThat(f.postIds(reader, "露营")).containsExactlyInAnyOrder(post, post, kept));
        assertThat(ids(f.search(reader, "q=" + enc("营地灯") + "&kind=comment"), "commentId")).containsExactly(comment);
        assertThat(f.postIds(reader, "帐篷睡袋")).containsExactly(post);
    }

    @Test
    void decisionsTakenInQuickSuccessionLeaveTheIndexAsThePostEndsUp() throws Exception {
        var f = fixture();
        var started = java.time.OffsetDateTime.now().minusSeconds(1);
        long post = f.discussion(f.member(), "夜跑路线分享，江边十公里");
        f.comment(f.owner(), post, "夜跑记得带头灯");
        eventually(() -> assertThat(f.postIds(f.member(), "夜跑")).containsExactlyInAnyOrder(post, post));
        var hidden = f.base() + "/posts/" + post + "/hidden";
        // the listeners for these decisions run concurrently; each must leave the index as the post is then
        for (int i = 0; i < 3; i++) {
            f.api().put(f.owner(), hidden, null).andExpect(status().isNoContent());
            f.api().delete(f.owner(), hidden).andExpect(status().isNoContent());
        }
        f.api().put(f.owner(), hidden, null).andExpect(status().isNoContent());
        eventually(() -> assertThat(jdbc.sql("""
                select count(*) from event_publication where completion_date is null and publication_date >= ?""")
                .param(started).query(Integer.class).single()).isZero());
        assertThat(f.postIds(f.member(), "夜跑")).isEmpty();
        f.api().delete(f.owner(), hidden).andExpect(status().isNoContent());
        eventually(() -> assertThat(f.postIds(f.member(), "夜跑")).containsExactlyInAnyOrder(post, post));
    }

    @Test
    void onlyMembersSearchAndCrossCommunitySearchCoversMyCommunities() throws Exception {
        var f = fixture();
        var g = fixture();
        long mine = f.discussion(f.member(), "跨社群搜索 zebracrossing 第一个");
        long theirs = g.discussion(g.member(), "跨社群搜索 zebracrossing 第二个");
        eventually(() -> assertThat(f.postIds(f.member(), "zebracrossing")).containsExactly(mine));
        f.api().get(f.owner(), f.base() + "/search?q=zebracrossing").andExpect(status().isOk());
        f.api().get(f.outsider(), f.base() + "/search?q=zebracrossing").andExpect(status().isForbidden());
        f.api().get(g.member(), f.base() + "/search?q=zebracrossing").andExpect(status().isForbidden());
        f.api().get(null, f.base() + "/search?q=zebracrossing").andExpect(status().isUnauthorized());
        f.api().get(f.member(), "/api/v1/communities/" + Api.unique("nope-") + "/search?q=x").andExpect(status().isNotFound());
        eventually(() -> assertThat(g.postIds(g.member(), "zebracrossing")).containsExactly(theirs));
        var across = Api.body(f.api().get(f.member(), "/api/v1/search?q=zebracrossing").andExpect(status().isOk()));
        assertThat(ids(across, "postId")).containsExactly(mine);
        assertThat(across.get("items").get(0).get("communitySlug").asString()).isEqualTo(f.slug());
        assertThat(ids(Api.body(f.api().get(f.outsider(), "/api/v1/search?q=zebracrossing")), "postId")).isEmpty();
        f.api().get(null, "/api/v1/search?q=zebracrossing").andExpect(status().isUnauthorized());
        // the page: members see results, outsiders are refused
        var html = f.api().get(f.member(), "/c/" + f.slug() + "/search?q=zebracrossing").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<mark>zebracrossing</mark>").contains("/posts/" + mine);
        f.api().get(f.member(), "/c/" + f.slug() + "/search").andExpect(status().isOk());
        f.api().get(f.outsider(), "/c/" + f.slug() + "/search?q=zebracrossing").andExpect(status().isForbidden());
        var feed = f.api().get(f.member(), "/c/" + f.slug() + "/posts").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(feed).contains("action=\"/c/" + f.slug() + "/search\"");
    }

    /**
     * A member of two communities searching across them: each community's newest postings of a word are read
     * on their own and merged, for every word of the query and in the any-word fallback.
     */
    @Test
    void crossCommunitySearchMergesTheResultsOfEveryCommunityIBelongTo() throws Exception {
        var f = fixture();
        var g = fixture();
        Members.add(jdbc, g.communityId(), f.member().id(), "MEMBER");
        long first = f.discussion(f.member(), "两个社群 yakword 甲社群的帖子");
        long second = g.discussion(g.member(), "两个社群 yakword ostrichword 乙社群的帖子");
        long third = f.discussion(f.owner(), "只有 camelword 的帖子");
        eventually(() -> assertThat(g.postIds(g.member(), "yakword")).containsExactly(second));
        eventually(() -> assertThat(f.postIds(f.member(), "camelword")).containsExactly(third));
        eventually(() -> assertThat(f.postIds(f.member(), "yakword")).containsExactly(first));
        // a common word: the newest postings of both communities
        var across = Api.body(f.api().get(f.member(), "/api/v1/search?q=yakword").andExpect(status().isOk()));
        assertThat(ids(across, "postId")).containsExactlyInAnyOrder(first, second);
        // every word must match: only the post holding both, wherever it is
        across = Api.body(f.api().get(f.member(), "/api/v1/search?q=yakword ostrichword").andExpect(status().isOk()));
        assertThat(ids(across, "postId")).containsExactly(second);
        // no post holds both words: any word will do, from either community
        across = Api.body(f.api().get(f.member(), "/api/v1/search?q=ostrichword camelword").andExpect(status().isOk()));
        assertThat(ids(across, "postId")).containsExactlyInAnyOrder(second, third);
        // the other community's member sees only what is in theirs
        across = Api.body(g.api().get(g.member(), "/api/v1/search?q=yakword").andExpect(status().isOk()));
        assertThat(ids(across, "postId")).containsExactly(second);
    }

    @Test
    void snippetsEscapeUserHtml() throws Exception {
        var f = fixture();
        long post = f.discussion(f.member(), "<script>alert(1)</script>社群 <img src=x onerror=alert(2)> 社群");
        eventually(() -> assertThat(f.postIds(f.member(), "社群")).containsExactly(post));
        var snippet = f.search(f.member(), "q=" + enc("社群")).get("items").get(0).get("snippetHtml").asString();
        assertThat(snippet).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .contains("<mark>社群</mark>");
        var html = f.api().get(f.member(), "/c/" + f.slug() + "/search?q=" + enc("社群 script"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    @Test
    void badInputIsRefusedWithFieldErrors() throws Exception {
        var f = fixture();
        String[][] cases = {
                {"", "q"}, {"q=", "q"}, {"q=  ", "q"}, {"q=" + "a".repeat(101), "q"}, {"q=" + enc("，。！"), "q"},
                {"q=x&kind=video", "kind"}, {"q=x&from=2026-13-01", "from"}, {"q=x&to=yesterday", "to"},
                {"q=x&from=2026-02-01&to=2026-01-01", "to"}, {"q=x&section=abc", "section"}, {"q=x&author=-1", "author"},
                {"q=x&cursor=zz", "cursor"}, {"q=x&cursor=99999", "cursor"},
        };
        for (var c : cases) {
            var body = Api.body(f.api().get(f.member(), f.base() + "/search?" + c[0]).andExpect(status().isBadRequest()));
            assertThat(body.toString()).as(c[0]).contains(c[1]);
        }
        f.api().get(f.member(), "/api/v1/search?q=" + "b".repeat(101)).andExpect(status().isBadRequest());
    }
}
