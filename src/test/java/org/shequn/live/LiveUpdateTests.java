package org.shequn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestCommunity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The event streams through HTTP: who may open them and what members watching a feed or a post receive. */
@IntegrationTest
// MockMvc's recorded printout reads the response's headers while a stream's sender thread may be writing its
// first frame: the mock response is not thread-safe, and that race failed a run with a NullPointerException
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class LiveUpdateTests {

    /** Generous: the first post of a JVM loads the search segmenter's dictionary, which pins both carrier threads of a 2-core machine for seconds. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Api api;
    String slug;
    long communityId;
    Api.User owner;
    Api.User admin;
    Api.User member;
    Api.User other;
    Api.User outsider;

    @BeforeEach
    void community() throws Exception {
        api = new Api(mvc);
        var community = TestCommunity.create(api, jdbc, "live-");
        owner = community.owner();
        slug = community.slug();
        communityId = community.id();
        admin = community.seat("管理员", "ADMIN");
        member = community.seat("小林", "MEMBER");
        other = community.seat("阿杰", "MEMBER");
        outsider = api.register("路人");
    }

    @Test
    void onlyMembersMayOpenAStream() throws Exception {
        long post = discussion(owner, "一篇帖子");
        for (var path : List.of("/c/" + slug + "/live", "/c/" + slug + "/posts/" + post + "/live",
                "/api/v1/communities/" + slug + "/live")) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
            mvc.perform(get(path).header("Authorization", outsider.bearer())).andExpect(status().isForbidden());
            for (var user : List.of(owner, admin, member)) {
                mvc.perform(get(path).header("Authorization", user.bearer())).andExpect(request().asyncStarted());
            }
        }
        mvc.perform(get("/c/no-such-community/live").header("Authorization", member.bearer())).andExpect(status().isNotFound());
        mvc.perform(get("/c/" + slug + "/posts/999999999/live").header("Authorization", member.bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/c/" + slug + "/live?section=999999999").header("Authorization", member.bearer()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aNewPostAppearsOnTheFeedOfEveryWatchingMemberAndNeverForOutsiders() throws Exception {
        var ownerFeed = open(owner, "/c/" + slug + "/live");
        var memberFeed = open(member, "/c/" + slug + "/live");
        var apiStream = open(member, "/api/v1/communities/" + slug + "/live");

        long post = discussion(other, "周末读书会改到周日下午三点");

        for (var feed : List.of(ownerFeed, memberFeed)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(text(feed))
                    .contains("event:post").contains("post-" + post).contains("周末读书会改到周日下午三点").contains("阿杰"));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(apiStream))
                .contains("\"kind\":\"POST\"").contains("\"id\":" + post).doesNotContain("html"));
        // pushed fragments carry no per-viewer controls
        assertThat(text(ownerFeed)).doesNotContain("csrf").doesNotContain("<form");
        // an outsider never had a stream to receive it on
        mvc.perform(get("/c/" + slug + "/live").header("Authorization", outsider.bearer())).andExpect(status().isForbidden());
    }

    @Test
    void aSectionStreamGetsOnlyThatSectionsPosts() throws Exception {
        long section = Api.body(api.post(owner, base() + "/sections", Api.obj("name", "读书笔记", "description", "说明",
                "icon", "chat", "posting", "EVERYONE")).andExpect(status().isCreated())).get("id").asLong();
        var sectionFeed = open(member, "/c/" + slug + "/live?section=" + section);
        long elsewhere = discussion(other, "主版块的帖子");
        long inSection = Api.body(api.post(other, base() + "/posts", Api.obj("kind", "DISCUSSION", "sectionId", section,
                "body", "板块里的读书笔记")).andExpect(status().isCreated())).get("id").asLong();
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(sectionFeed)).contains("post-" + inSection));
        assertThat(text(sectionFeed)).doesNotContain("post-" + elsewhere + "\\\"");
    }

    @Test
    void commentsAndRepliesAppearOnThePostPageAndRemovalsFollow() throws Exception {
        long post = discussion(owner, "大家最近在读什么？");
        var page = open(member, "/c/" + slug + "/posts/" + post + "/live");
        var otherPost = open(admin, "/c/" + slug + "/posts/" + discussion(owner, "另一篇") + "/live");

        long comment = comment(other, post, "《俞军产品方法论》，第二遍了", null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(page))
                .contains("event:comment").contains("comment-" + comment).contains("俞军产品方法论"));
        long reply = comment(owner, post, "我也在读", comment);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(page))
                .contains("comment-" + reply).contains("\"parentId\":" + comment));

        api.delete(other, base() + "/comments/" + comment).andExpect(status().is2xxSuccessful());
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(page))
                .contains("event:comment-removed").contains("\"id\":" + comment));
        assertThat(text(otherPost)).doesNotContain("俞军产品方法论");
    }

    @Test
    void aStickerNewOnAPostComesWithItsImageAndEscapedNameSoThePageCanAddItsButton() throws Exception {
        var image = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        var upload = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/api/v1/communities/" + slug + "/sticker-packs").param("name", "实时表情")
                .file(new org.springframework.mock.web.MockMultipartFile("stickers", "a.png", "image/png", png.toByteArray()))
                .param("names", "<b>哇</b>").header("Authorization", owner.bearer()).accept("application/json");
        var pack = Api.body(mvc.perform(upload).andExpect(status().isCreated()));
        long sticker = pack.get("stickers").get(0).get("id").asLong();
        long post = discussion(owner, "表情回应");
        var page = open(member, "/c/" + slug + "/posts/" + post + "/live");

        api.put(other, base() + "/posts/" + post + "/reactions/sticker:" + sticker, null).andExpect(status().isOk());
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(page)).contains("event:reaction")
                .contains("rc-p" + post + "-sticker-" + sticker)
                .contains("data-sticker-url=\\\"/c/" + slug + "/stickers/" + sticker + "/image\\\"")
                .contains("data-reaction=\\\"sticker:" + sticker + "\\\"")
                .contains("&lt;b&gt;哇&lt;/b&gt;"));
        assertThat(text(page)).doesNotContain("<b>哇");
    }

    @Test
    void reactionCountsAndTheCommentCountFollowOnThePostPageWithoutAnyonesOwnMark() throws Exception {
        long post = discussion(owner, "点赞和评论数");
        long comment = comment(other, post, "第一条评论", null);
        var page = open(member, "/c/" + slug + "/posts/" + post + "/live");
        var apiStream = open(admin, "/api/v1/communities/" + slug + "/live");

        api.put(owner, base() + "/posts/" + post + "/reactions/like", null).andExpect(status().isOk());
        api.put(other, base() + "/posts/" + post + "/reactions/like", null).andExpect(status().isOk());
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(page)).contains("event:reaction")
                .contains("rc-p" + post + "-like\\\" hx-swap-oob=\\\"innerHTML\\\">2<"));
        api.put(member, base() + "/posts/" + post + "/comments/" + comment + "/reactions/like", null).andExpect(status().isOk());
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(page))
                .contains("rc-c" + comment + "-like\\\" hx-swap-oob=\\\"innerHTML\\\">1<"));
        // taken back: the count empties (a page hides an empty count)
        api.delete(member, base() + "/posts/" + post + "/comments/" + comment + "/reactions/like").andExpect(status().isOk());
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(page))
                .contains("rc-c" + comment + "-like\\\" hx-swap-oob=\\\"innerHTML\\\"><"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(apiStream))
                .contains("\"kind\":\"COMMENT_REACTION\"").contains("\"reaction\":\"like\"").doesNotContain("html"));
        // counts only: nothing says who reacted, no "mine" mark, no form
        assertThat(text(page)).doesNotContain("mine").doesNotContain("aria-pressed").doesNotContain("<form");

        long second = comment(owner, post, "第二条评论", null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(page)).contains("comment-" + second)
                .contains("event:comment-count").contains("2 条评论"));
        api.delete(owner, base() + "/comments/" + second).andExpect(status().is2xxSuccessful());
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(page)).contains("1 条评论"));
        assertThat(text(apiStream)).doesNotContain("comment-count");
    }

    @Test
    void pushedFragmentsAreAsSafeAsThePages() throws Exception {
        long post = discussion(owner, "安全检查");
        var feed = open(member, "/c/" + slug + "/live");
        var page = open(member, "/c/" + slug + "/posts/" + post + "/live");
        var payload = "<script>alert(1)</script><img src=x onerror=alert(2)>[x](javascript:alert(3))<svg onload=alert(4)>";
        long evil = Api.body(api.post(other, base() + "/posts", Api.obj("kind", "ARTICLE", "title", "<b onmouseover=alert(5)>标题</b>",
                "body", payload)).andExpect(status().isCreated())).get("id").asLong();
        long comment = comment(other, post, payload, null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(feed)).contains("post-" + evil));
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(page)).contains("comment-" + comment));
        for (var stream : List.of(text(feed), text(page))) {
            // escaped text may spell the payload out; no real tag, event attribute or script URL may survive
            assertThat(stream).doesNotContainPattern("(?i)<(script|svg|iframe)")
                    .doesNotContainPattern("(?i)<[a-z][^>]*\\son[a-z]+\\s*=")
                    .doesNotContainPattern("(?i)href=\\\\?\"\\s*javascript");
        }
    }

    @Test
    void hiddenAndHeldPostsAreNotPushed() throws Exception {
        api.put(owner, base() + "/moderation/words", Api.obj("words", List.of(Map.of("word", "加微信", "mode", "HOLD"))))
                .andExpect(status().is2xxSuccessful());
        var feed = open(member, "/c/" + slug + "/live");
        api.post(other, base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "想进群的加微信 abc"))
                .andExpect(status().isCreated());
        long visible = discussion(other, "正常的一篇");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(feed)).contains("post-" + visible));
        assertThat(text(feed)).doesNotContain("加微信");
    }

    @Test
    void aMemberRemovedWhileWatchingStopsReceiving() throws Exception {
        var stream = openResult(member, "/c/" + slug + "/live");
        var feed = stream.getResponse();
        long before = discussion(other, "移除之前");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(feed)).contains("post-" + before));

        api.delete(owner, base() + "/members/" + member.id()).andExpect(status().is2xxSuccessful());
        await().atMost(WAIT).until(() -> ended(stream));
        long after = discussion(other, "移除之后的秘密");
        var witness = open(owner, "/c/" + slug + "/live");
        long later = discussion(other, "再一篇");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(witness)).contains("post-" + later));
        assertThat(text(feed)).doesNotContain("post-" + after).doesNotContain("移除之后的秘密");
    }

    private MockHttpServletResponse open(Api.User user, String path) throws Exception {
        return openResult(user, path).getResponse();
    }

    private MvcResult openResult(Api.User user, String path) throws Exception {
        var result = mvc.perform(get(path).header("Authorization", user.bearer()))
                .andExpect(request().asyncStarted()).andReturn();
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(result.getResponse())).contains("event:ready"));
        return result;
    }

    /** A completed emitter sets the request's async result. */
    private static boolean ended(MvcResult stream) {
        try {
            stream.getAsyncResult(10);
            return true;
        } catch (IllegalStateException stillOpen) {
            return false;
        }
    }

    /** Event streams are UTF-8 (the mock response would decode them as ISO-8859-1). */
    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private String base() {
        return "/api/v1/communities/" + slug;
    }

    private long discussion(Api.User author, String text) throws Exception {
        return Api.body(api.post(author, base() + "/posts", Api.obj("kind", "DISCUSSION", "body", text))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    private long comment(Api.User author, long post, String text, Long parentId) throws Exception {
        var body = parentId == null ? Api.obj("body", text) : Api.obj("body", text, "parentId", parentId);
        return Long.parseLong(api.post(author, base() + "/posts/" + post + "/comments", body)
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("X-Comment-Id"));
    }
}
