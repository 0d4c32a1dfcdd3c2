package org.shequn.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.content.ContentFixture;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@IntegrationTest
class ModerationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long comment(ContentFixture f, Api.User who, long post, String body) throws Exception {
        return Long.parseLong(f.api().post(who, f.base() + "/posts/" + post + "/comments", Api.obj("body", body))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("X-Comment-Id"));
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    @Test
    void membersReportOnceAndOnlyOwnersAndAdminsSeeTheQueue() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.core(), "有争议的帖子");
        long comment = comment(f, f.member(), post, "有争议的评论");
        var reports = f.base() + "/reports";
        // nobody reports what they wrote themselves: the page offers no 举报 there, and the API refuses it
        f.api().post(f.core(), reports, Api.obj("postId", post, "reason", "自己举报自己"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("postId"));
        f.api().post(f.member(), reports, Api.obj("commentId", comment, "reason", "自己举报自己"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("commentId"));
        f.api().post(f.member(), reports, Api.obj("postId", post, "reason", "广告")).andExpect(status().isCreated());
        f.api().post(f.member(), reports, Api.obj("postId", post, "reason", "再举报一次")).andExpect(status().isConflict());
        f.api().post(f.core(), reports, Api.obj("commentId", comment, "reason", "人身攻击")).andExpect(status().isCreated());
        f.api().post(f.admin(), reports, Api.obj("postId", post, "reason", "管理员也可以举报")).andExpect(status().isCreated());
        f.api().post(f.outsider(), reports, Api.obj("postId", post, "reason", "路人")).andExpect(status().isForbidden());
        f.api().post(null, reports, Api.obj("postId", post, "reason", "匿名")).andExpect(status().isUnauthorized());
        assertThat(count("select count(*) from moderation_reports where community_id = ?", f.communityId())).isEqualTo(3);

        for (var who : List.of(f.owner(), f.admin())) {
            f.api().get(who, reports + "?status=OPEN").andExpect(status().isOk())
                    .andExpect(jsonPath("$.items.length()").value(3))
                    .andExpect(jsonPath("$.items[0].reason").value("管理员也可以举报"))
                    .andExpect(jsonPath("$.items[1].commentId").value(comment))
                    .andExpect(jsonPath("$.items[1].itemText").value("有争议的评论"))
                    .andExpect(jsonPath("$.items[2].itemText").value("有争议的帖子"));
        }
        f.api().get(f.core(), reports).andExpect(status().isForbidden());
        f.api().get(f.member(), reports).andExpect(status().isForbidden());
        f.api().get(f.outsider(), reports).andExpect(status().isForbidden());
        f.api().get(null, reports).andExpect(status().isUnauthorized());
        f.api().get(f.owner(), reports + "?status=NOPE").andExpect(status().isBadRequest());

        long first = Api.body(f.api().get(f.owner(), reports)).get("items").get(2).get("id").asLong();
        f.api().post(f.member(), reports + "/" + first + "/dismiss", null).andExpect(status().isForbidden());
        f.api().post(f.admin(), reports + "/" + first + "/dismiss", null).andExpect(status().isNoContent());
        f.api().post(f.admin(), reports + "/" + first + "/dismiss", null).andExpect(status().isConflict());
        f.api().get(f.owner(), reports).andExpect(jsonPath("$.items.length()").value(2));
        f.api().get(f.owner(), reports + "?status=DISMISSED").andExpect(jsonPath("$.items.length()").value(1));
        // once dismissed, the member may report the item again
        f.api().post(f.member(), reports, Api.obj("postId", post, "reason", "还是广告")).andExpect(status().isCreated());
    }

    @Test
    void hiddenItemsVanishForMembersButStayVisibleToOwnersAndAdmins() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.member(), "要被隐藏的帖子");
        long other = f.discussion(f.member(), "留下的帖子");
        long comment = comment(f, f.member(), other, "要被隐藏的评论");
        f.api().post(f.core(), f.base() + "/reports", Api.obj("postId", post, "reason", "违规")).andExpect(status().isCreated());

        for (var who : List.of(f.core(), f.member(), f.outsider())) {
            f.api().put(who, f.base() + "/posts/" + post + "/hidden", null).andExpect(status().isForbidden());
            f.api().put(who, f.base() + "/comments/" + comment + "/hidden", null).andExpect(status().isForbidden());
        }
        f.api().put(null, f.base() + "/posts/" + post + "/hidden", null).andExpect(status().isUnauthorized());
        f.api().put(f.admin(), f.base() + "/posts/" + post + "/hidden", null).andExpect(status().isNoContent());
        f.api().put(f.owner(), f.base() + "/comments/" + comment + "/hidden", null).andExpect(status().isNoContent());
        // the report on the post is resolved by hiding it
        f.api().get(f.owner(), f.base() + "/reports").andExpect(jsonPath("$.items.length()").value(0));

        for (var who : List.of(f.core(), f.member())) {
            f.api().get(who, f.base() + "/posts").andExpect(jsonPath("$.items.length()").value(1))
                    .andExpect(jsonPath("$.items[0].id").value(other));
            f.api().get(who, f.base() + "/posts/" + post).andExpect(status().isNotFound());
            f.api().get(who, f.base() + "/posts/" + other).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("要被隐藏的评论"))));
            f.api().post(who, f.base() + "/posts/" + post + "/comments", Api.obj("body", "x")).andExpect(status().isNotFound());
        }
        for (var who : List.of(f.owner(), f.admin())) {
            // runners still see the hidden post, marked as such (and the other one not)
            f.api().get(who, f.base() + "/posts").andExpect(jsonPath("$.items.length()").value(2))
                    .andExpect(jsonPath("$.items[?(@.id == " + post + ")].hidden").value(true))
                    .andExpect(jsonPath("$.items[?(@.id == " + other + ")].hidden").value(false))
                    .andExpect(jsonPath("$.items[?(@.id == " + post + ")].held").value(false));
            f.api().get(who, f.base() + "/posts/" + post).andExpect(status().isOk())
                    .andExpect(jsonPath("$.hidden").value(true)).andExpect(jsonPath("$.held").value(false));
            f.api().get(who, f.base() + "/posts/" + other).andExpect(content().string(containsString("要被隐藏的评论")))
                    .andExpect(jsonPath("$.hidden").value(false));
        }
        // pages too
        var web = new WebSession(mvc);
        var email = web.register("网页成员");
        Members.add(jdbc, f.communityId(), accountId(email), "MEMBER");
        web.get("/c/" + f.slug() + "/posts").andExpect(status().isOk())
                .andExpect(content().string(not(containsString("要被隐藏的帖子"))));
        web.get("/c/" + f.slug() + "/posts/" + post).andExpect(status().isNotFound());
        web.get("/c/" + f.slug() + "/posts/" + other).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("要被隐藏的评论"))));
        var runner = new WebSession(mvc);
        Members.add(jdbc, f.communityId(), accountId(runner.register("网页管理员")), "ADMIN");
        runner.get("/c/" + f.slug() + "/posts/" + post).andExpect(status().isOk())
                .andExpect(content().string(containsString("badge moderation-hidden")));
        runner.get("/c/" + f.slug() + "/posts").andExpect(content().string(containsString("badge moderation-hidden")));

        f.api().delete(f.admin(), f.base() + "/posts/" + post + "/hidden").andExpect(status().isNoContent());
        f.api().delete(f.admin(), f.base() + "/comments/" + comment + "/hidden").andExpect(status().isNoContent());
        f.api().get(f.member(), f.base() + "/posts/" + post).andExpect(status().isOk());
        f.api().get(f.member(), f.base() + "/posts/" + other).andExpect(content().string(containsString("要被隐藏的评论")));
        f.api().get(f.member(), f.base() + "/posts").andExpect(jsonPath("$.items.length()").value(2));

        // moderators delete (soft) from the queue, and everything is in the audit trail
        f.api().delete(f.admin(), f.base() + "/posts/" + post).andExpect(status().isNoContent());
        f.api().get(f.member(), f.base() + "/moderation/audit").andExpect(status().isForbidden());
        f.api().get(f.owner(), f.base() + "/moderation/audit").andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(5))
                .andExpect(jsonPath("$.items[0].action").value("DELETE"))
                .andExpect(jsonPath("$.items[0].postId").value(post))
                .andExpect(jsonPath("$.items[0].actorName").value("管理员"))
                .andExpect(jsonPath("$.items[0].subjectName").value("普通成员"))
                .andExpect(jsonPath("$.items[4].action").value("HIDE"));
    }

    @Test
    void theQueuePageEscapesReportsAndIsForOwnersAndAdminsOnly() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.member(), "<img src=x onerror=alert(1)>帖子");
        var payloads = List.of("<script>alert('r')</script>", "<svg onload=alert(2)>", "javascript:alert(3)",
                "<ScRiPt>alert(4)</sCrIpT>", "&lt;script&gt;alert(5)&lt;/script&gt;");
        var reporters = new ArrayList<Api.User>();
        for (var payload : payloads) {
            var reporter = f.api().register("举报人" + reporters.size());
            Members.add(jdbc, f.communityId(), reporter.id(), "MEMBER");
            f.api().post(reporter, f.base() + "/reports", Api.obj("postId", post, "reason", payload))
                    .andExpect(status().isCreated());
            reporters.add(reporter);
        }
        var web = new WebSession(mvc);
        var email = web.register("网页管理员");
        Members.add(jdbc, f.communityId(), accountId(email), "ADMIN");
        var html = web.get("/c/" + f.slug() + "/moderation").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("&lt;script&gt;alert(", "&lt;svg onload", "&lt;img src=x")
                .doesNotContain("<script>alert", "<svg onload", "<ScRiPt>", "<img src=x", "<script>alert(5)");

        var member = new WebSession(mvc);
        var memberEmail = member.register("网页普通成员");
        Members.add(jdbc, f.communityId(), accountId(memberEmail), "CORE");
        member.get("/c/" + f.slug() + "/moderation").andExpect(status().isForbidden());
        new WebSession(mvc).get("/c/" + f.slug() + "/moderation").andExpect(status().is3xxRedirection());

        // the page's hide button works, and dismiss too
        web.form("/c/" + f.slug() + "/moderation/posts/" + post + "/hide").andExpect(status().is3xxRedirection());
        f.api().get(f.member(), f.base() + "/posts/" + post).andExpect(status().isNotFound());
        member.form("/c/" + f.slug() + "/moderation/posts/" + post + "/show").andExpect(status().isForbidden());
        f.api().get(f.member(), f.base() + "/posts/" + post).andExpect(status().isNotFound());
    }

    @Test
    void theMuteButtonIsOfferedOnlyForAuthorsTheRunnerMayMute() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var otherAdmin = f.api().register("另一位管理员");
        Members.add(jdbc, f.communityId(), otherAdmin.id(), "ADMIN");
        for (var author : List.of(f.owner(), otherAdmin, f.member())) {
            long post = f.discussion(author, "被举报的帖子");
            f.api().post(f.core(), f.base() + "/reports", Api.obj("postId", post, "reason", "广告")).andExpect(status().isCreated());
        }
        var web = new WebSession(mvc);
        long webAdmin = accountId(web.register("网页管理员"));
        Members.add(jdbc, f.communityId(), webAdmin, "ADMIN");
        var html = web.get("/c/" + f.slug() + "/moderation").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("/moderation/mutes/" + f.member().id() + "\"")
                .doesNotContain("/moderation/mutes/" + f.owner().id() + "\"", "/moderation/mutes/" + otherAdmin.id() + "\"");
        // the API says the same, and the owner may mute an admin
        var asAdmin = Api.body(f.api().get(f.admin(), f.base() + "/reports").andExpect(status().isOk())).get("items");
        var asOwner = Api.body(f.api().get(f.owner(), f.base() + "/reports").andExpect(status().isOk())).get("items");
        for (int i = 0; i < 3; i++) {
            long author = asAdmin.get(i).get("authorId").asLong();
            assertThat(asAdmin.get(i).get("authorMutable").asBoolean()).as("admin, author %d", author).isEqualTo(author == f.member().id());
            long ownerSees = asOwner.get(i).get("authorId").asLong();
            assertThat(asOwner.get(i).get("authorMutable").asBoolean()).as("owner, author %d", ownerSees).isEqualTo(ownerSees != f.owner().id());
        }
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.core(), "帖子");
        var reports = f.base() + "/reports";
        var bodies = List.<Map<String, Object>>of(
                Api.obj("postId", post, "reason", ""),
                Api.obj("postId", post, "reason", "   "),
                Api.obj("postId", post),
                Api.obj("postId", post, "reason", "长".repeat(501)),
                Api.obj("postId", post, "reason", "bad\u0000char"),
                Api.obj("reason", "没有目标"),
                Api.obj("postId", post, "commentId", 1, "reason", "两个目标"));
        for (var body : bodies) {
            f.api().post(f.member(), reports, body).andExpect(status().isBadRequest());
        }
        f.api().post(f.member(), reports, Api.obj("postId", 999_999_999L, "reason", "不存在")).andExpect(status().isNotFound());
        f.api().post(f.member(), reports, Api.obj("commentId", 999_999_999L, "reason", "不存在")).andExpect(status().isNotFound());
        f.api().postRaw(f.member(), reports, "{\"postId\":\"abc\",\"reason\":\"x\"}", MediaType.APPLICATION_JSON)
                .andExpect(status().is4xxClientError());
        f.api().post(f.member(), reports + "/abc/dismiss", null).andExpect(status().is4xxClientError());
        f.api().post(f.owner(), reports + "/999999999/dismiss", null).andExpect(status().isNotFound());
        f.api().put(f.owner(), f.base() + "/posts/abc/hidden", null).andExpect(status().is4xxClientError());
        f.api().put(f.owner(), f.base() + "/posts/999999999/hidden", null).andExpect(status().isNotFound());
        f.api().put(f.owner(), f.base() + "/comments/999999999/hidden", null).andExpect(status().isNotFound());
        assertThat(count("select count(*) from moderation_reports where community_id = ?", f.communityId())).isZero();

        var mutes = f.base() + "/mutes/" + f.member().id();
        for (var body : List.<Map<String, Object>>of(Api.obj("hours", 0), Api.obj("hours", 721), Api.obj("hours", -5),
                Api.obj(), Api.obj("hours", 2, "reason", "长".repeat(201)))) {
            f.api().put(f.owner(), mutes, body).andExpect(status().isBadRequest());
        }
        f.api().put(f.owner(), f.base() + "/mutes/abc", Api.obj("hours", 2)).andExpect(status().is4xxClientError());
        f.api().put(f.owner(), f.base() + "/mutes/999999999", Api.obj("hours", 2)).andExpect(status().isNotFound());
        f.api().put(f.owner(), f.base() + "/mutes/" + f.outsider().id(), Api.obj("hours", 2)).andExpect(status().isNotFound());
        var words = f.base() + "/moderation/words";
        var tooMany = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 201; i++) {
            tooMany.add(Map.of("word", "词" + i, "mode", "BLOCK"));
        }
        for (var body : List.<Object>of(Api.obj("words", tooMany), Api.obj("words", List.of(Map.of("word", "x".repeat(31)))),
                Api.obj("words", List.of(Map.of("word", " ", "mode", "BLOCK"))),
                Api.obj("words", List.of(Map.of("word", "ok", "mode", "MAYBE"))), Api.obj())) {
            f.api().put(f.owner(), words, body).andExpect(status().isBadRequest());
        }
        assertThat(count("select count(*) from member_mutes where community_id = ?", f.communityId())).isZero();
        assertThat(count("select count(*) from moderation_words where community_id = ?", f.communityId())).isZero();
        assertThat(count("select count(*) from moderation_audit where community_id = ?", f.communityId())).isZero();
    }

    @Test
    void mutedMembersCannotPostOrCommentAndAreToldUntilWhen() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.owner(), "公告");
        var mutes = f.base() + "/mutes/";
        for (var who : List.of(f.core(), f.member(), f.outsider())) {
            f.api().put(who, mutes + f.member().id(), Api.obj("hours", 2)).andExpect(status().isForbidden());
        }
        f.api().put(null, mutes + f.member().id(), Api.obj("hours", 2)).andExpect(status().isUnauthorized());
        f.api().put(f.admin(), mutes + f.owner().id(), Api.obj("hours", 2)).andExpect(status().isForbidden());
        var otherAdmin = f.api().register("另一位管理员");
        Members.add(jdbc, f.communityId(), otherAdmin.id(), "ADMIN");
        f.api().put(f.admin(), mutes + otherAdmin.id(), Api.obj("hours", 2)).andExpect(status().isForbidden());
        f.api().put(f.admin(), mutes + f.member().id(), Api.obj("hours", 1, "reason", "刷屏"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reason").value("刷屏"));
        f.api().put(f.owner(), mutes + otherAdmin.id(), Api.obj("hours", 720)).andExpect(status().isOk());

        var until = jdbc.sql("select until_at from member_mutes where community_id = ? and account_id = ?")
                .params(f.communityId(), f.member().id()).query(OffsetDateTime.class).single();
        var shown = until.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        f.api().post(f.member(), f.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "禁言中"))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString(shown)))
                .andExpect(content().string(containsString("禁言")));
        mvc.perform(MockMvcRequestBuilders.post(f.base() + "/posts/" + post + "/comments")
                        .header("Authorization", f.member().bearer()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"muted\"}"))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("muted in this community until " + shown)));
        f.api().post(otherAdmin, f.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "x")).andExpect(status().isForbidden());
        f.api().get(f.admin(), f.base() + "/mutes").andExpect(jsonPath("$.length()").value(2));
        f.api().get(f.member(), f.base() + "/mutes").andExpect(status().isForbidden());

        f.api().delete(f.member(), mutes + f.member().id()).andExpect(status().isForbidden());
        f.api().delete(f.admin(), mutes + f.member().id()).andExpect(status().isNoContent());
        f.api().post(f.member(), f.base() + "/posts/" + post + "/comments", Api.obj("body", "又能说话了"))
                .andExpect(status().isCreated());
        // an expired mute no longer counts
        jdbc.sql("update member_mutes set until_at = ? where account_id = ?")
                .params(OffsetDateTime.now().minusMinutes(1), otherAdmin.id()).update();
        f.api().post(otherAdmin, f.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "x")).andExpect(status().isCreated());
        f.api().get(f.owner(), f.base() + "/moderation/audit")
                .andExpect(jsonPath("$.items[0].action").value("UNMUTE")).andExpect(jsonPath("$.items[1].action").value("MUTE"))
                .andExpect(jsonPath("$.items[2].action").value("MUTE")).andExpect(jsonPath("$.items[2].detail").value("1h 刷屏"));
    }

    @Test
    void bannedWordsBlockOrHoldForReview() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        var words = f.base() + "/moderation/words";
        var list = Api.obj("words", List.of(Map.of("word", "Spam", "mode", "BLOCK"), Map.of("word", "代购", "mode", "HOLD")));
        for (var who : List.of(f.core(), f.member(), f.outsider())) {
            f.api().put(who, words, list).andExpect(status().isForbidden());
            f.api().get(who, words).andExpect(status().isForbidden());
        }
        f.api().put(null, words, list).andExpect(status().isUnauthorized());
        f.api().put(f.admin(), words, list).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
        f.api().get(f.owner(), words).andExpect(jsonPath("$[0].word").value("spam"));

        f.api().post(f.member(), f.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "buy SPAM now"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("spam")));
        long post = f.discussion(f.core(), "普通帖子");
        f.api().post(f.member(), f.base() + "/posts/" + post + "/comments", Api.obj("body", "spam!"))
                .andExpect(status().isBadRequest());
        assertThat(count("select count(*) from posts where community_id = ?", f.communityId())).isEqualTo(1);

        long held = f.discussion(f.member(), "专业代购，私聊");
        f.api().get(f.core(), f.base() + "/posts/" + held).andExpect(status().isNotFound());
        // the same word in traditional characters is the same word
        long traditional = f.discussion(f.member(), "專業代購，私聊");
        f.api().get(f.core(), f.base() + "/posts/" + traditional).andExpect(status().isNotFound());
        f.api().delete(f.member(), f.base() + "/posts/" + traditional).andExpect(status().isNoContent());
        // its author sees it, marked as waiting for review
        f.api().get(f.member(), f.base() + "/posts/" + held).andExpect(status().isOk())
                .andExpect(jsonPath("$.held").value(true)).andExpect(jsonPath("$.hidden").value(false));
        f.api().get(f.admin(), f.base() + "/posts").andExpect(jsonPath("$.items[?(@.id == " + held + ")].held").value(true));
        f.api().get(f.core(), f.base() + "/posts").andExpect(jsonPath("$.items.length()").value(1));
        var web = new WebSession(mvc);
        Members.add(jdbc, f.communityId(), accountId(web.register("网页群管")), "ADMIN");
        web.get("/c/" + f.slug() + "/moderation").andExpect(content().string(containsString("专业代购，私聊")));

        f.api().delete(f.core(), f.base() + "/posts/" + held + "/hidden").andExpect(status().isForbidden());
        f.api().delete(f.admin(), f.base() + "/posts/" + held + "/hidden").andExpect(status().isNoContent());
        f.api().get(f.core(), f.base() + "/posts/" + held).andExpect(status().isOk()).andExpect(jsonPath("$.held").value(false));
        f.api().get(f.core(), f.base() + "/posts").andExpect(jsonPath("$.items.length()").value(2));
        f.api().get(f.owner(), f.base() + "/moderation/audit")
                .andExpect(jsonPath("$.items[0].action").value("APPROVE")).andExpect(jsonPath("$.items[1].action").value("WORDS"));
    }

    @Test
    void heldCommentsWaitForApprovalSeenOnlyByTheirAuthorAndRunners() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        f.api().put(f.admin(), f.base() + "/moderation/words",
                Api.obj("words", List.of(Map.of("word", "代购", "mode", "HOLD")))).andExpect(status().isOk());
        long post = f.discussion(f.core(), "核心成员的帖子");
        var author = new WebSession(mvc);
        long authorId = accountId(author.register("评论作者"));
        Members.add(jdbc, f.communityId(), authorId, "MEMBER");
        author.form("/c/" + f.slug() + "/posts/" + post + "/comments", "body", "专业代购请私聊")
                .andExpect(status().is3xxRedirection());
        long held = jdbc.sql("select id from comments where post_id = ?").param(post).query(Long.class).single();
        var path = f.base() + "/posts/" + post;

        // the author sees it marked as pending, runners see it in the queue; nobody else sees it at all
        author.get("/c/" + f.slug() + "/posts/" + post).andExpect(content().string(containsString("专业代购请私聊")))
                .andExpect(content().string(containsString("待审核")));
        for (var runner : List.of(f.owner(), f.admin())) {
            f.api().get(runner, path).andExpect(jsonPath("$.comments.length()").value(1))
                    .andExpect(jsonPath("$.comments[0].held").value(true))
                    .andExpect(jsonPath("$.comments[0].hidden").value(false));
            f.api().get(runner, f.base() + "/moderation/held-comments").andExpect(jsonPath("$.items.length()").value(1))
                    .andExpect(jsonPath("$.items[0].id").value(held)).andExpect(jsonPath("$.items[0].postId").value(post));
        }
        for (var member : List.of(f.core(), f.member())) {
            f.api().get(member, path).andExpect(jsonPath("$.comments.length()").value(0))
                    .andExpect(jsonPath("$.commentCount").value(0))
                    .andExpect(content().string(not(containsString("代购"))));
            f.api().get(member, f.base() + "/moderation/held-comments").andExpect(status().isForbidden());
        }
        f.api().get(f.outsider(), path).andExpect(status().isForbidden());
        f.api().get(null, f.base() + "/moderation/held-comments").andExpect(status().isUnauthorized());
        f.api().post(f.member(), path + "/comments", Api.obj("body", "回复", "parentId", held))
                .andExpect(status().isBadRequest());
        // nobody was told: the post's author has no notification of the comment
        assertThat(count("select count(*) from notifications where account_id = ?", f.core().id())).isZero();
        var web = new WebSession(mvc);
        Members.add(jdbc, f.communityId(), accountId(web.register("审核员")), "ADMIN");
        web.get("/c/" + f.slug() + "/moderation").andExpect(content().string(containsString("专业代购请私聊")))
                .andExpect(content().string(containsString("/moderation/comments/" + held + "/show")));
        web.get("/c/" + f.slug() + "/posts/" + post).andExpect(content().string(containsString("待审核")));

        // approval publishes it: counted, shown to everyone, and the post's author is notified
        f.api().delete(f.core(), f.base() + "/comments/" + held + "/hidden").andExpect(status().isForbidden());
        web.form("/c/" + f.slug() + "/moderation/comments/" + held + "/show").andExpect(status().is3xxRedirection());
        f.api().get(f.member(), path).andExpect(jsonPath("$.comments.length()").value(1))
                .andExpect(jsonPath("$.comments[0].held").value(false)).andExpect(jsonPath("$.commentCount").value(1));
        f.api().get(f.owner(), f.base() + "/moderation/held-comments").andExpect(jsonPath("$.items.length()").value(0));
        f.api().get(f.owner(), f.base() + "/moderation/audit").andExpect(jsonPath("$.items[0].action").value("APPROVE"))
                .andExpect(jsonPath("$.items[0].commentId").value(held));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("select count(*) from notifications where account_id = ?", f.core().id())).isEqualTo(1);
            assertThat(count("select count(*) from notifications where account_id = ?", authorId)).isEqualTo(1);
        });

        // rejection deletes it, never counted
        f.api().post(f.member(), path + "/comments", Api.obj("body", "代购 again"))
                .andExpect(status().isCreated());
        long rejected = jdbc.sql("select max(id) from comments where post_id = ?").param(post).query(Long.class).single();
        f.api().get(f.member(), path).andExpect(jsonPath("$.comments.length()").value(2))
                .andExpect(jsonPath("$.comments[1].held").value(true));
        web.form("/c/" + f.slug() + "/moderation/comments/" + rejected + "/delete").andExpect(status().is3xxRedirection());
        f.api().get(f.admin(), path).andExpect(jsonPath("$.comments.length()").value(1)).andExpect(jsonPath("$.commentCount").value(1));
        f.api().get(f.owner(), f.base() + "/moderation/audit").andExpect(jsonPath("$.items[0].action").value("DELETE"))
                .andExpect(jsonPath("$.items[0].commentId").value(rejected));
    }

    @Test
    void postingRateLimitsAreCountedInTheDatabase() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.core(), "帖子");
        // another node's writes count too: rows written straight into the tables
        var now = OffsetDateTime.now();
        for (int i = 0; i < 60; i++) {
            jdbc.sql("""
                    insert into posts (community_id, author_id, kind, title, body, tags, comment_count, created_at)
                    values (?, ?, 'DISCUSSION', '', 'x', '', 0, ?)""").params(f.communityId(), f.member().id(), now).update();
            jdbc.sql("insert into comments (post_id, community_id, author_id, body, created_at) values (?, ?, ?, 'x', ?)")
                    .params(post, f.communityId(), f.member().id(), now).update();
        }
        f.api().post(f.member(), f.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "太快了"))
                .andExpect(status().isTooManyRequests()).andExpect(content().string(containsString("10")));
        f.api().post(f.member(), f.base() + "/posts/" + post + "/comments", Api.obj("body", "太快了"))
                .andExpect(status().isTooManyRequests());
        // others are not limited by this member
        f.api().post(f.core(), f.base() + "/posts/" + post + "/comments", Api.obj("body", "我可以"))
                .andExpect(status().isCreated());
        // older writes fall out of the window
        jdbc.sql("update posts set created_at = ? where author_id = ?").params(now.minusMinutes(11), f.member().id()).update();
        f.discussion(f.member(), "过了十分钟");
        // the whole community: 200 posts in 10 minutes
        for (int i = 0; i < 200; i++) {
            jdbc.sql("""
                    insert into posts (community_id, author_id, kind, title, body, tags, comment_count, created_at)
                    values (?, ?, 'DISCUSSION', '', 'x', '', 0, ?)""").params(f.communityId(), f.owner().id() + 1_000_000, now).update();
        }
        f.api().post(f.core(), f.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "社群太热闹"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void aMemberReportsACommentOnThePageAndAnAdminHidesItForEveryone() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        long post = f.discussion(f.core(), "讨论帖");
        long comment = comment(f, f.core(), post, "不友善的评论");
        var member = new WebSession(mvc);
        Members.add(jdbc, f.communityId(), accountId(member.register("网页成员甲")), "MEMBER");
        member.get("/c/" + f.slug() + "/posts/" + post).andExpect(status().isOk())
                .andExpect(content().string(containsString("/comments/" + comment + "/report")))
                .andExpect(content().string(not(containsString("/moderation/comments/" + comment + "/hide"))));
        member.form("/c/" + f.slug() + "/comments/" + comment + "/report", "reason", "<i>攻击</i>")
                .andExpect(status().is3xxRedirection());
        // the reporter is told it arrived; the owner and the admin hear of it, with the way to the queue
        member.get("/c/" + f.slug() + "/posts/" + post).andExpect(content().string(containsString("举报已收到")));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            for (var runner : List.of(f.owner(), f.admin())) {
                assertThat(count("select count(*) from notifications where account_id = ? and kind = 'REPORT_FILED'",
                        runner.id())).isEqualTo(1);
            }
        });
        f.api().get(f.owner(), "/api/v1/notifications").andExpect(jsonPath("$.items[0].kind").value("REPORT_FILED"))
                .andExpect(jsonPath("$.items[0].link").value("/c/" + f.slug() + "/moderation"))
                .andExpect(jsonPath("$.items[0].text").value("网页成员甲 举报了「" + jdbc.sql("select name from communities where id = ?")
                        .param(f.communityId()).query(String.class).single() + "」里的一条内容，请到审核页处理。"));
        member.form("/c/" + f.slug() + "/posts/" + post + "/report", "reason", "").andExpect(status().isBadRequest());
        var admin = new WebSession(mvc);
        Members.add(jdbc, f.communityId(), accountId(admin.register("网页管理员乙")), "ADMIN");
        admin.get("/c/" + f.slug() + "/posts/" + post)
                .andExpect(content().string(containsString("/moderation/comments/" + comment + "/hide")));
        admin.get("/c/" + f.slug() + "/moderation").andExpect(content().string(containsString("&lt;i&gt;攻击&lt;/i&gt;")))
                .andExpect(content().string(containsString("不友善的评论")));
        admin.form("/c/" + f.slug() + "/moderation/comments/" + comment + "/hide").andExpect(status().is3xxRedirection());
        member.get("/c/" + f.slug() + "/posts/" + post).andExpect(content().string(not(containsString("不友善的评论"))));
        f.api().get(f.core(), f.base() + "/posts/" + post).andExpect(content().string(not(containsString("不友善的评论"))));
        f.api().get(f.owner(), f.base() + "/reports").andExpect(jsonPath("$.items.length()").value(0));
        f.api().get(f.owner(), f.base() + "/reports?status=RESOLVED").andExpect(jsonPath("$.items[0].itemHidden").value(true));

        // mute the author and edit the word list from the page
        var core = f.core().id();
        admin.form("/c/" + f.slug() + "/moderation/mutes/" + core, "hours", "24", "reason", "<b>x</b>")
                .andExpect(status().is3xxRedirection());
        f.api().post(f.core(), f.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "x")).andExpect(status().isForbidden());
        admin.form("/c/" + f.slug() + "/moderation/mutes/" + core, "hours", "abc").andExpect(status().isBadRequest());
        member.form("/c/" + f.slug() + "/moderation/mutes/" + core + "/delete").andExpect(status().isForbidden());
        admin.get("/c/" + f.slug() + "/moderation").andExpect(content().string(containsString("&lt;b&gt;x&lt;/b&gt;")));
        admin.form("/c/" + f.slug() + "/moderation/mutes/" + core + "/delete").andExpect(status().is3xxRedirection());
        f.api().post(f.core(), f.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "x")).andExpect(status().isCreated());
        admin.form("/c/" + f.slug() + "/moderation/words", "block", "坏词\n  \n<script>", "hold", "待审")
                .andExpect(status().is3xxRedirection());
        f.api().get(f.owner(), f.base() + "/moderation/words").andExpect(jsonPath("$.length()").value(3));
        admin.get("/c/" + f.slug() + "/moderation").andExpect(content().string(not(containsString("<script>"))));
        member.form("/c/" + f.slug() + "/moderation/words", "block", "").andExpect(status().isForbidden());
    }

    @Test
    void theQueueHeldCommentsAndAuditComePageByPageEachItemOnce() throws Exception {
        var f = ContentFixture.create(new Api(mvc), jdbc);
        int total = Moderation.PAGE_SIZE * 2 + 3;
        f.api().put(f.owner(), f.base() + "/moderation/words",
                Api.obj("words", List.of(Map.of("word", "代购", "mode", "HOLD")))).andExpect(status().isOk());
        long post = f.discussion(f.core(), "很多评论的帖子");
        var reports = new ArrayList<Long>();
        var held = new ArrayList<Long>();
        for (int i = 0; i < total; i++) {
            long target = comment(f, f.core(), post, "评论" + i);
            reports.add(Api.body(f.api().post(f.member(), f.base() + "/reports", Api.obj("commentId", target, "reason", "理由" + i))
                    .andExpect(status().isCreated())).get("id").asLong());
            held.add(comment(f, f.member(), post, "代购" + i));
        }
        // the audit trail: the word list, then a mute renewed again and again
        for (int i = 0; i < total - 1; i++) {
            f.api().put(f.admin(), f.base() + "/mutes/" + f.core().id(), Api.obj("hours", 1 + i)).andExpect(status().isOk());
        }
        assertThat(openReports(f)).containsExactlyElementsOf(reports);
        assertThat(heldComments(f)).containsExactlyElementsOf(held);
        assertThat(auditIds(f)).hasSize(total);

        var web = new WebSession(mvc);
        Members.add(jdbc, f.communityId(), accountId(web.register("翻页的管理员")), "ADMIN");
        // newest first, across pages, each exactly once, even with new items arriving between pages
        Runnable newer = () -> {
            try {
                f.api().delete(f.admin(), f.base() + "/mutes/" + f.core().id());
                long c = comment(f, f.core(), post, "翻页时的新评论");
                f.api().post(f.member(), f.base() + "/reports", Api.obj("commentId", c, "reason", "新举报"));
                comment(f, f.member(), post, "翻页时的新代购");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(apiWalk(f, f.base() + "/reports", newer)).containsExactlyElementsOf(reports.reversed());
        var heldNow = heldComments(f);
        assertThat(apiWalk(f, f.base() + "/moderation/held-comments", newer)).containsExactlyElementsOf(heldNow.reversed());
        var auditNow = auditIds(f);
        assertThat(apiWalk(f, f.base() + "/moderation/audit", newer)).containsExactlyElementsOf(auditNow.reversed());

        // the page shows the newest of each list first, then the "more" link of each walks on from where it stopped
        var first = web.get("/c/" + f.slug() + "/moderation").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(ids(first, "report")).hasSize(Moderation.PAGE_SIZE);
        var expected = openReports(f).reversed();
        assertThat(pageWalk(web, f, first, "reports", "report", newer)).containsExactlyElementsOf(expected);
        first = web.get("/c/" + f.slug() + "/moderation").andReturn().getResponse().getContentAsString();
        expected = heldComments(f).reversed();
        assertThat(pageWalk(web, f, first, "comments", "held-comment", newer)).containsExactlyElementsOf(expected);
        first = web.get("/c/" + f.slug() + "/moderation").andReturn().getResponse().getContentAsString();
        expected = auditIds(f).reversed();
        assertThat(pageWalk(web, f, first, "audit", "audit", newer)).containsExactlyElementsOf(expected);
        assertThat(first).contains("更多").doesNotContain("回到最新");

        f.api().get(f.owner(), f.base() + "/moderation/audit?cursor=abc").andExpect(status().isBadRequest());
        f.api().get(f.owner(), f.base() + "/reports?cursor=" + new org.shequn.shared.Cursor("not-a-time", 1).encode())
                .andExpect(status().isBadRequest());
        web.get("/c/" + f.slug() + "/moderation?audit=abc").andExpect(status().isBadRequest());
        // a cursor does not let members in
        f.api().get(f.member(), f.base() + "/moderation/audit?cursor=" + Api.body(f.api().get(f.owner(),
                f.base() + "/moderation/audit")).get("next").asString()).andExpect(status().isForbidden());
    }

    private List<Long> openReports(ContentFixture f) {
        return jdbc.sql("select id from moderation_reports where community_id = ? and status = 'OPEN' order by id")
                .param(f.communityId()).query(Long.class).list();
    }

    private List<Long> heldComments(ContentFixture f) {
        return jdbc.sql("""
                select id from comments where community_id = ? and hidden_at is not null and hidden_by is null
                and deleted_at is null order by id""").param(f.communityId()).query(Long.class).list();
    }

    private List<Long> auditIds(ContentFixture f) {
        return jdbc.sql("select id from moderation_audit where community_id = ? order by id")
                .param(f.communityId()).query(Long.class).list();
    }

    /** Every id of a paged API list, following "next" (and writing newer items after each page). */
    private List<Long> apiWalk(ContentFixture f, String path, Runnable between) throws Exception {
        var seen = new ArrayList<Long>();
        String next = null;
        int pages = 0;
        do {
            var body = Api.body(f.api().get(f.owner(), path + (next == null ? "" : "?cursor=" + next)).andExpect(status().isOk()));
            body.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            assertThat(body.get("items").size()).isLessThanOrEqualTo(Moderation.PAGE_SIZE);
            next = body.hasNonNull("next") ? body.get("next").asString() : null;
            between.run();
            pages++;
        } while (next != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        return seen;
    }

    /** Every id of one list on the moderation page, following its "more" link. */
    private List<Long> pageWalk(WebSession web, ContentFixture f, String firstHtml, String param, String idPrefix,
                                Runnable between) throws Exception {
        var seen = new ArrayList<Long>(ids(firstHtml, idPrefix));
        var more = java.util.regex.Pattern.compile("href=\"/c/" + f.slug() + "/moderation\\?" + param + "=([A-Za-z0-9_-]+)#");
        var html = firstHtml;
        int pages = 1;
        for (var m = more.matcher(html); m.find() && pages < 10; m = more.matcher(html)) {
            between.run();
            html = web.get("/c/" + f.slug() + "/moderation?" + param + "=" + m.group(1)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).contains("回到最新");
            seen.addAll(ids(html, idPrefix));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        return seen;
    }

    private static List<Long> ids(String html, String prefix) {
        var ids = new ArrayList<Long>();
        var m = java.util.regex.Pattern.compile("id=\"" + prefix + "-(\\d+)\"").matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private long accountId(String email) {
        return jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
    }
}
