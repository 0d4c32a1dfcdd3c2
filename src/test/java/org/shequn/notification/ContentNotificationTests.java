package org.shequn.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.TestCommunity;
import org.shequn.moderation.ModerationDecided;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Notifications about content, each kind from its real HTTP entry point (posts, questions, answers, mentions,
 * reactions, moderation, follows) to the recipient's inbox. Events reach the inbox through the outbox after the
 * writing transaction commits, so tests wait for it; {@link #settle()} makes "nothing arrived" a real answer.
 */
@IntegrationTest
class ContentNotificationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    /**
     * Listeners run on virtual threads; the first search indexing (loading jieba's dictionary) can hold the
     * machine's two carrier threads for a while, so waits are generous.
     */
    static final Duration WAIT = Duration.ofSeconds(60);
    Api api;
    String slug;
    long communityId;
    Api.User owner;
    Api.User admin;
    Api.User alice;
    Api.User bob;
    Api.User outsider;
    java.time.OffsetDateTime started;

    @BeforeEach
    void setUp() throws Exception {
        started = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1);
        api = new Api(mvc);
        var community = TestCommunity.create(api, jdbc, "nc-");
        owner = community.owner();
        slug = community.slug();
        communityId = community.id();
        admin = community.seat("管理员", "ADMIN");
        alice = community.seat("张三", "MEMBER");
        bob = community.seat("李四", "MEMBER");
        outsider = api.register("路人");
    }

    String base() {
        return "/api/v1/communities/" + slug;
    }

    long post(Api.User author, String kind, String title) throws Exception {
        return Api.body(api.post(author, base() + "/posts", Api.obj("kind", kind, "title", title, "body", "正文 " + title))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    long comment(Api.User author, long postId, Long parentId) throws Exception {
        return Long.parseLong(api.post(author, base() + "/posts/" + postId + "/comments", Api.obj("body", "说得好", "parentId", parentId))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("X-Comment-Id"));
    }

    List<JsonNode> items(Api.User user) throws Exception {
        var out = new ArrayList<JsonNode>();
        Api.body(api.get(user, "/api/v1/notifications")).get("items").forEach(out::add);
        return out;
    }

    JsonNode awaitKind(Api.User user, String kind) {
        var found = new JsonNode[1];
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            found[0] = items(user).stream().filter(n -> n.get("kind").asString().equals(kind)).findFirst().orElse(null);
            assertThat(found[0]).as(kind + " for " + user.displayName()).isNotNull();
        });
        return found[0];
    }

    /** Waits until this test's events were all delivered, so "nothing arrived" is a real answer. */
    void settle() {
        // the failure names the listeners still waiting and their events
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("""
                select listener_id, publication_date, serialized_event from event_publication
                where completion_date is null and publication_date >= ?""").param(started).query().listOfRows())
                .as("undelivered events").isEmpty());
    }

    @Test
    void commentsNotifyThePostsAuthorRepliesTheCommentsAuthorAndCommentsOnQuestionsAreAnswers() throws Exception {
        long post = post(alice, "DISCUSSION", "周末读书会");
        long comment = comment(bob, post, null);
        var reply = awaitKind(alice, "REPLY");
        assertThat(reply.get("text").asString()).isEqualTo("李四 评论了你的帖子「周末读书会」。");
        assertThat(reply.get("link").asString()).isEqualTo("/c/" + slug + "/posts/" + post + "#comment-" + comment);
        assertThat(reply.get("topic").asString()).isEqualTo("REPLY");
        assertThat(reply.get("unread").asBoolean()).isTrue();

        long answer = comment(alice, post, comment);
        var back = awaitKind(bob, "COMMENT_REPLY");
        assertThat(back.get("link").asString()).endsWith("#comment-" + answer);

        long question = post(alice, "QUESTION", "怎么做好社群运营");
        comment(bob, question, null);
        assertThat(awaitKind(alice, "ANSWER").get("text").asString()).isEqualTo("李四 回答了你的提问「怎么做好社群运营」。");

        comment(alice, post, null); // on her own post: nobody to tell
        settle();
        assertThat(items(alice)).filteredOn(n -> n.get("kind").asString().equals("REPLY")).hasSize(1);
        assertThat(items(owner)).isEmpty();
        assertThat(items(outsider)).isEmpty();
    }

    @Test
    void hidingAPostTellsItsAuthorAndSoDoMutesAndRestores() throws Exception {
        long post = post(bob, "DISCUSSION", "<script>alert(1)</script>我的帖子");
        api.put(admin, base() + "/posts/" + post + "/hidden", null).andExpect(status().isNoContent());
        var hidden = awaitKind(bob, "MODERATION_POST_HIDDEN");
        assertThat(hidden.get("topic").asString()).isEqualTo("MODERATION");
        assertThat(hidden.get("link").asString()).isEqualTo("/c/" + slug + "/posts/" + post);
        mvc.perform(get("/api/v1/notifications").header("Authorization", bob.bearer()).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[0].text").value("An admin of 产品经理读书会 hid your post \"<script>alert(1)</script>我的帖子\"."));

        api.delete(admin, base() + "/posts/" + post + "/hidden").andExpect(status().isNoContent());
        awaitKind(bob, "MODERATION_POST_RESTORED");
        api.put(owner, base() + "/mutes/" + bob.id(), Api.obj("hours", 2, "reason", "刷屏")).andExpect(status().isOk());
        var muted = awaitKind(bob, "MODERATION_MUTED");
        assertThat(muted.get("text").asString()).startsWith("你在「产品经理读书会」被禁言至 ").endsWith("。刷屏");
        api.delete(owner, base() + "/mutes/" + bob.id()).andExpect(status().isNoContent());
        awaitKind(bob, "MODERATION_UNMUTED");
        settle();
        assertThat(items(admin)).isEmpty();
    }

    @Test
    void aFollowReachesTheFollowee() throws Exception {
        api.put(alice, "/api/v1/people/" + bob.id() + "/follow", null).andExpect(status().is2xxSuccessful());
        assertThat(awaitKind(bob, "FOLLOWED").get("text").asString()).isEqualTo("张三 关注了你。");
    }

    static String token(Api.User user) {
        return "@[" + user.displayName() + "](member:" + user.id() + ")";
    }

    long postWithBody(Api.User author, String title, String body) throws Exception {
        return Api.body(api.post(author, base() + "/posts", Api.obj("kind", "DISCUSSION", "title", title, "body", body))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    long commentWithBody(Api.User author, long postId, String body) throws Exception {
        return Long.parseLong(api.post(author, base() + "/posts/" + postId + "/comments", Api.obj("body", body))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("X-Comment-Id"));
    }

    int unread(Api.User user) throws Exception {
        return Api.body(api.get(user, "/api/v1/notifications/unread").andExpect(status().isOk())).get("unread").asInt();
    }

    List<JsonNode> ofKind(Api.User user, String kind) throws Exception {
        return items(user).stream().filter(n -> n.get("kind").asString().equals(kind)).toList();
    }

    @Test
    void aQuestionAddressedToAMemberReachesThemAndTheAcceptedAnswerItsAuthorOnce() throws Exception {
        int before = unread(owner);
        long question = Api.body(api.post(alice, base() + "/posts", Api.obj("kind", "QUESTION", "title", "请教群主",
                "body", "社群怎么起步？", "addresseeId", owner.id())).andExpect(status().isCreated())).get("id").asLong();
        var asked = awaitKind(owner, "QUESTION_ASKED");
        assertThat(asked.get("text").asString()).isEqualTo("张三 向你提问：「请教群主」");
        assertThat(asked.get("link").asString()).isEqualTo("/c/" + slug + "/posts/" + question);
        assertThat(asked.get("unread").asBoolean()).isTrue();
        assertThat(unread(owner)).isEqualTo(before + 1);
        // an open question tells nobody in particular
        Api.body(api.post(bob, base() + "/posts", Api.obj("kind", "QUESTION", "title", "大家怎么看", "body", "开放问题"))
                .andExpect(status().isCreated()));

        long answer = comment(owner, question, null);
        long other = comment(bob, question, null);
        api.put(alice, base() + "/posts/" + question + "/accepted-answer", Api.obj("commentId", answer)).andExpect(status().isOk());
        var accepted = awaitKind(owner, "ANSWER_ACCEPTED");
        assertThat(accepted.get("text").asString()).isEqualTo("张三 采纳了你对「请教群主」的回答。");
        assertThat(accepted.get("link").asString()).isEqualTo("/c/" + slug + "/posts/" + question + "#comment-" + answer);
        // switching to another answer tells its author; switching back does not tell the first one twice
        api.put(alice, base() + "/posts/" + question + "/accepted-answer", Api.obj("commentId", other)).andExpect(status().isOk());
        awaitKind(bob, "ANSWER_ACCEPTED");
        api.put(alice, base() + "/posts/" + question + "/accepted-answer", Api.obj("commentId", answer)).andExpect(status().isOk());
        settle();
        assertThat(ofKind(owner, "QUESTION_ASKED")).hasSize(1);
        assertThat(ofKind(owner, "ANSWER_ACCEPTED")).hasSize(1);
        assertThat(ofKind(bob, "ANSWER_ACCEPTED")).hasSize(1);
        assertThat(ofKind(alice, "ANSWER")).hasSize(2);
        // the asker accepting is not news to the asker; nobody else was asked anything
        assertThat(ofKind(alice, "ANSWER_ACCEPTED")).isEmpty();
        for (var other2 : List.of(admin, bob, alice)) {
            assertThat(ofKind(other2, "QUESTION_ASKED")).as(other2.displayName()).isEmpty();
        }
        assertThat(items(outsider)).isEmpty();
    }

    @Test
    void mentionsInAPostAndACommentNotifyEachMemberOnceNeverTheWriterNorOutsiders() throws Exception {
        var body = "请 " + token(bob) + " 看看，再叫一次 " + token(bob) + "，我自己 " + token(alice) + "，路人 " + token(outsider);
        long post = postWithBody(alice, "周会安排", body);
        var mentioned = awaitKind(bob, "MENTIONED");
        assertThat(mentioned.get("text").asString()).isEqualTo("张三 在「周会安排」中提到了你。");
        assertThat(mentioned.get("link").asString()).isEqualTo("/c/" + slug + "/posts/" + post);

        long comment = commentWithBody(bob, post, "同意，" + token(admin) + " 也来，" + token(alice) + "，还有我 " + token(bob));
        var inComment = awaitKind(admin, "MENTIONED");
        assertThat(inComment.get("text").asString()).isEqualTo("李四 在「周会安排」中提到了你。");
        assertThat(inComment.get("link").asString()).isEqualTo("/c/" + slug + "/posts/" + post + "#comment-" + comment);

        // editing the post keeps bob and adds the owner: only the owner hears of it
        api.put(alice, base() + "/posts/" + post, Api.obj("kind", "DISCUSSION", "title", "周会安排",
                "body", body + " 以及 " + token(owner))).andExpect(status().isOk());
        awaitKind(owner, "MENTIONED");
        settle();
        assertThat(ofKind(bob, "MENTIONED")).hasSize(1);
        assertThat(ofKind(admin, "MENTIONED")).hasSize(1);
        assertThat(ofKind(owner, "MENTIONED")).hasSize(1);
        // the post's writer was mentioned only by the comment's writer
        assertThat(ofKind(alice, "MENTIONED")).singleElement()
                .satisfies(n -> assertThat(n.get("text").asString()).isEqualTo("李四 在「周会安排」中提到了你。"));
        assertThat(items(outsider)).isEmpty();
    }

    @Test
    void twoMembersLikingAPostMakeOneGroupedNotificationAndOwnReactionsNone() throws Exception {
        long post = post(alice, "DISCUSSION", "新年快乐");
        String like = base() + "/posts/" + post + "/reactions/like";
        api.put(alice, like, null).andExpect(status().isOk());
        api.put(bob, like, null).andExpect(status().isOk());
        api.put(owner, like, null).andExpect(status().isOk());
        // taking a like back and giving it again counts the member once
        api.delete(bob, like).andExpect(status().isOk());
        api.put(bob, like, null).andExpect(status().isOk());
        settle();
        var all = items(alice);
        assertThat(all).singleElement().satisfies(n -> {
            assertThat(n.get("kind").asString()).isEqualTo("REACTION");
            assertThat(n.get("text").asString()).matches("(李四|群主) 等 2 人 回应了你的帖子「新年快乐」。");
            assertThat(n.get("link").asString()).isEqualTo("/c/" + slug + "/posts/" + post);
        });
        mvc.perform(get("/api/v1/notifications").header("Authorization", alice.bearer()).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[0].text").value(org.hamcrest.Matchers.matchesPattern(
                        "(李四|群主) and one other reacted to your post \"新年快乐\"\\.")));
        assertThat(unread(alice)).isEqualTo(1);

        // once read, the next reaction opens a new group
        api.post(alice, "/api/v1/notifications/" + all.getFirst().get("id").asLong() + "/read", null).andExpect(status().isNoContent());
        api.put(admin, like, null).andExpect(status().isOk());
        settle();
        var again = items(alice);
        assertThat(again).hasSize(2);
        assertThat(again.getFirst().get("text").asString()).isEqualTo("管理员 回应了你的帖子「新年快乐」。");
        assertThat(again.getFirst().get("unread").asBoolean()).isTrue();

        // a comment's reactions go to the comment's author; reacting to one's own comment tells nobody
        long comment = comment(bob, post, null);
        String commentLike = base() + "/posts/" + post + "/comments/" + comment + "/reactions/like";
        api.put(bob, commentLike, null).andExpect(status().isOk());
        api.put(alice, commentLike, null).andExpect(status().isOk());
        assertThat(awaitKind(bob, "COMMENT_REACTION").get("text").asString()).isEqualTo("张三 回应了你在「新年快乐」下的评论。");
        settle();
        assertThat(items(bob)).hasSize(1);
        assertThat(items(owner)).isEmpty();
    }

    @Test
    void aRedeliveredModerationDecisionNotifiesOnceButTheSameDecisionTakenAgainDoes() throws Exception {
        long post = post(bob, "DISCUSSION", "被隐藏两次");
        api.put(admin, base() + "/posts/" + post + "/hidden", null).andExpect(status().isNoContent());
        awaitKind(bob, "MODERATION_POST_HIDDEN");
        long auditId = jdbc.sql("select id from moderation_audit where community_id = ? and post_id = ? and action = 'HIDE'")
                .params(communityId, post).query(Long.class).single();
        var redelivered = new ModerationDecided(auditId, communityId, bob.id(), admin.id(),
                ModerationDecided.Action.POST_HIDDEN, post, null, null, null);
        // a redelivery comes after the first delivery ended (retry, restart); two equal events in flight at
        // once would share one in-progress record in Modulith's registry and leave a row behind
        for (int i = 0; i < 2; i++) {
            transactions.executeWithoutResult(t -> events.publishEvent(redelivered));
            settle();
        }
        assertThat(ofKind(bob, "MODERATION_POST_HIDDEN")).hasSize(1);

        // hide, restore, hide: two decisions to hide, two notifications
        api.delete(admin, base() + "/posts/" + post + "/hidden").andExpect(status().isNoContent());
        api.put(admin, base() + "/posts/" + post + "/hidden", null).andExpect(status().isNoContent());
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(ofKind(bob, "MODERATION_POST_HIDDEN")).hasSize(2));
        settle();
        assertThat(ofKind(bob, "MODERATION_POST_RESTORED")).hasSize(1);
        assertThat(unread(bob)).isEqualTo(3);

        // an event left in the outbox from before decisions carried their audit id still tells its member
        transactions.executeWithoutResult(t -> events.publishEvent(new ModerationDecided(null, communityId, bob.id(),
                owner.id(), ModerationDecided.Action.UNMUTED, null, null, null, null)));
        awaitKind(bob, "MODERATION_UNMUTED");
    }

    @Test
    void onlyTheRecipientSeesOrReadsANotification() throws Exception {
        long post = post(alice, "DISCUSSION", "只给我看");
        comment(bob, post, null);
        long id = awaitKind(alice, "REPLY").get("id").asLong();
        for (var other : List.of(owner, admin, bob, outsider)) {
            assertThat(items(other)).noneMatch(n -> n.get("id").asLong() == id);
            api.post(other, "/api/v1/notifications/" + id + "/read", null).andExpect(status().isNotFound());
            mvc.perform(get("/notifications/" + id + "/open").header("Authorization", other.bearer()))
                    .andExpect(status().isNotFound());
        }
        api.get(null, "/api/v1/notifications").andExpect(status().isUnauthorized());
        api.get(null, "/api/v1/notifications/unread").andExpect(status().isUnauthorized());
        api.post(null, "/api/v1/notifications/" + id + "/read", null).andExpect(status().isUnauthorized());
        api.get(null, "/api/v1/notifications/preferences").andExpect(status().isUnauthorized());
        api.put(null, "/api/v1/notifications/preferences", Api.obj("topics", List.of())).andExpect(status().isUnauthorized());
        for (var page : List.of("/notifications", "/notifications/settings", "/notifications/" + id + "/open")) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(header().string("Location", containsString("/login")));
        }
        assertThat(items(alice).getFirst().get("unread").asBoolean()).isTrue();

        mvc.perform(get("/notifications/" + id + "/open").header("Authorization", alice.bearer()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/c/" + slug + "/posts/" + post + "#comment-" + commentOf(post)));
        assertThat(items(alice).getFirst().get("unread").asBoolean()).isFalse();
    }

    long commentOf(long post) {
        return jdbc.sql("select max(id) from comments where post_id = ?").param(post).query(Long.class).single();
    }

    @Test
    void leavingACommunityTakesItsContentNotificationsAlong() throws Exception {
        long post = post(alice, "DISCUSSION", "机密计划");
        comment(bob, post, null);
        awaitKind(alice, "REPLY");
        api.post(alice, base() + "/leave", null).andExpect(status().is2xxSuccessful());
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(items(alice)).isEmpty());
        comment(bob, post, null);
        settle();
        assertThat(items(alice)).isEmpty();
    }

    @Test
    void aTopicSwitchedOffInTheInboxMakesNoNotification() throws Exception {
        var prefs = Api.body(api.get(alice, "/api/v1/notifications/preferences").andExpect(status().isOk()));
        assertThat(prefs.get("digest").asBoolean()).isTrue();
        var byTopic = new java.util.HashMap<String, JsonNode>();
        prefs.get("topics").forEach(t -> byTopic.put(t.get("topic").asString(), t));
        assertThat(byTopic.get("REPLY").get("inApp").asBoolean()).isTrue();
        assertThat(byTopic.get("REPLY").get("email").asBoolean()).isFalse();
        for (var mailed : List.of("MENTIONED", "QUESTION_ASKED", "ANSWER_ACCEPTED", "MODERATION")) {
            assertThat(byTopic.get(mailed).get("email").asBoolean()).as(mailed).isTrue();
        }

        api.put(alice, "/api/v1/notifications/preferences", Api.obj("digest", false, "topics", List.of(
                Api.obj("topic", "REPLY", "inApp", false, "email", false)))).andExpect(status().isOk())
                .andExpect(jsonPath("$.digest").value(false))
                .andExpect(jsonPath("$.topics[?(@.topic == 'REPLY')].inApp").value(org.hamcrest.Matchers.hasItem(false)));
        api.put(alice, "/api/v1/notifications/preferences", Api.obj("topics", List.of(
                Api.obj("topic", "NOPE", "inApp", false, "email", false)))).andExpect(status().isBadRequest());
        api.put(alice, "/api/v1/notifications/preferences", Api.obj("topics", List.of(
                Api.obj("topic", "REPLY", "inApp", false, "email", false), Api.obj("topic", "REPLY", "inApp", true, "email", false))))
                .andExpect(status().isBadRequest());
        long post = post(alice, "DISCUSSION", "安静一点");
        comment(bob, post, null);
        api.put(admin, base() + "/posts/" + post + "/hidden", null).andExpect(status().isNoContent());
        awaitKind(alice, "MODERATION_POST_HIDDEN");
        settle();
        assertThat(items(alice)).noneMatch(n -> n.get("kind").asString().equals("REPLY"));
    }

    @Test
    void theInboxPageEscapesTitlesAndMarksOneRead() throws Exception {
        var browser = new org.shequn.WebSession(mvc);
        var email = browser.register("网页用户");
        long me = jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
        Members.add(jdbc, communityId, me, "MEMBER");
        long post = Api.body(browser.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post(base() + "/posts").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(Api.JSON.writeValueAsString(Api.obj("kind", "DISCUSSION", "title", "<img src=x onerror=alert(1)>标题", "body", "x"))))
                .andExpect(status().isCreated())).get("id").asLong();
        comment(bob, post, null);
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                browser.get("/notifications/count").andExpect(content().string(containsString(">1<"))));
        browser.get("/notifications").andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;标题")))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(containsString("今天")))
                .andExpect(content().string(containsString("notice-icon topic-REPLY")));
        long id = jdbc.sql("select id from notifications where account_id = ?").param(me).query(Long.class).single();
        browser.form("/notifications/" + id + "/read").andExpect(status().is3xxRedirection());
        browser.get("/notifications/count").andExpect(content().string(""));
        browser.form("/notifications/settings", "inApp", "REPLY", "email", "MENTIONED", "digest", "on")
                .andExpect(status().is3xxRedirection());
        browser.get("/notifications/settings").andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"digest\" value=\"on\" id=\"digest\" checked")));
        assertThat(jdbc.sql("select count(*) from notification_preferences where account_id = ? and in_app = false")
                .param(me).query(Integer.class).single()).isEqualTo(Topic.values().length - 1);
    }
}
