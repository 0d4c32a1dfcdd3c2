package org.shequn.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.TestCommunity;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Announcements (公告) through HTTP: publishing puts one on top of every member's feed, reading it takes it off
 * that member's feed only, the owner sees who has read it and reminds the rest once, and nothing else gets in.
 */
@IntegrationTest
class AnnouncementTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Api api;

    record Scene(TestCommunity community, TestCommunity.Cast cast, WebSession a, long aId, WebSession b, long bId) {
        String slug() {
            return community.slug();
        }

        String base() {
            return community.base() + "/announcements";
        }
    }

    /** A community with one account per role, and two members (甲, 乙) signed in on the pages. */
    Scene scene() throws Exception {
        api = new Api(mvc);
        var community = TestCommunity.create(api, jdbc, "announce-");
        var cast = community.cast();
        var a = new WebSession(mvc);
        long aId = accountId(a.register("成员甲"));
        Members.add(jdbc, community.id(), aId, "MEMBER");
        var b = new WebSession(mvc);
        long bId = accountId(b.register("成员乙"));
        Members.add(jdbc, community.id(), bId, "MEMBER");
        return new Scene(community, cast, a, aId, b, bId);
    }

    long publish(Scene s, Api.User by, String title, String body) throws Exception {
        return Api.body(api.post(by, s.base(), Api.obj("title", title, "body", body)).andExpect(status().isCreated()))
                .get("id").asLong();
    }

    @Test
    void aNewAnnouncementStandsOnTopOfEveryMembersFeedUntilThatMemberHasReadIt() throws Exception {
        var s = scene();
        long id = publish(s, s.cast().owner(), "周六读书会改到下午", "**三点**开始，地点不变。");
        var feed = "/c/" + s.slug() + "/posts";
        for (var member : List.of(s.a(), s.b())) {
            member.get(feed).andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"announcement-" + id + "\"")))
                    .andExpect(content().string(containsString("周六读书会改到下午")))
                    .andExpect(content().string(containsString("<strong>三点</strong>")))
                    .andExpect(content().string(containsString("我知道了")));
        }
        // 甲 presses 我知道了 without script: back to the feed, which no longer has it on top
        s.a().form("/c/" + s.slug() + "/announcements/" + id + "/read", "from", "feed")
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", feed));
        s.a().get(feed).andExpect(content().string(not(containsString("id=\"announcement-" + id + "\""))));
        s.b().get(feed).andExpect(content().string(containsString("id=\"announcement-" + id + "\"")));
        // 乙 through htmx: an empty answer (the page drops it), and it is gone from 乙's feed too
        var answer = s.b().perform(post("/c/" + s.slug() + "/announcements/" + id + "/read").with(csrf())
                .header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer).isEmpty();
        s.b().get(feed).andExpect(content().string(not(containsString("id=\"announcement-" + id + "\""))));
        // its author read it by writing it: never on the author's own feed
        assertThat(readers(id)).containsExactlyInAnyOrder(s.cast().owner().id(), s.aId(), s.bId());
        // the list keeps it, read
        s.a().get("/c/" + s.slug() + "/announcements").andExpect(status().isOk())
                .andExpect(content().string(containsString("周六读书会改到下午")))
                .andExpect(content().string(containsString("已读")));
    }

    @Test
    void theListGivesEachMemberTheirOwnReadFlagAndOpeningThePageCountsAsReading() throws Exception {
        var s = scene();
        long older = publish(s, s.cast().owner(), "第一条公告", "欢迎大家。");
        long newer = publish(s, s.cast().admin(), "第二条公告", "本月主题是产品思维。");
        var member = s.cast().member();
        api.get(member, s.base()).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(newer)).andExpect(jsonPath("$[1].id").value(older))
                .andExpect(jsonPath("$[0].read").value(false)).andExpect(jsonPath("$[0].authorName").value("管理员"))
                .andExpect(jsonPath("$[1].html").value("<p>欢迎大家。</p>\n"));
        api.post(member, s.base() + "/" + older + "/read", null).andExpect(status().isNoContent());
        // again is fine
        api.post(member, s.base() + "/" + older + "/read", null).andExpect(status().isNoContent());
        api.get(member, s.base()).andExpect(jsonPath("$[0].read").value(false)).andExpect(jsonPath("$[1].read").value(true));
        // the API's single read does not mark; the page does
        api.get(s.cast().core(), s.base() + "/" + newer).andExpect(jsonPath("$.read").value(false));
        assertThat(readers(newer)).doesNotContain(s.cast().core().id());
        s.a().get("/c/" + s.slug() + "/announcements/" + newer).andExpect(status().isOk())
                .andExpect(content().string(containsString("第二条公告")))
                .andExpect(content().string(not(containsString("id=\"receipts\""))));
        assertThat(readers(newer)).contains(s.aId());
        s.a().get("/c/" + s.slug() + "/posts").andExpect(content().string(not(containsString("id=\"announcement-" + newer + "\""))))
                .andExpect(content().string(containsString("id=\"announcement-" + older + "\"")));
    }

    @Test
    void theOwnerSeesWhoHasReadItAndRemindsTheOthersOnceThroughTheirInbox() throws Exception {
        var s = scene();
        var runner = runner(s);
        var owner = runner.web();
        long id = publish(s, s.cast().owner(), "请填写活动报名表", "截止周五。");
        api.post(s.cast().member(), s.base() + "/" + id + "/read", null).andExpect(status().isNoContent());
        var page = "/c/" + s.slug() + "/announcements/" + id;
        s.a().get(page).andExpect(status().isOk());
        // the admin's page: opening it reads it; 已读 4 / 未读 3 with both lists, and the button
        owner.get(page).andExpect(status().isOk())
                .andExpect(content().string(containsString("已读 4")))
                .andExpect(content().string(containsString("未读 3")))
                .andExpect(content().string(containsString("成员甲")))
                .andExpect(content().string(containsString("成员乙")))
                .andExpect(content().string(containsString("提醒未读成员")));
        // members now: owner, admin, core, member, 甲, 乙 and the page's admin (the outsider is none)
        api.get(s.cast().owner(), s.base() + "/" + id + "/receipts").andExpect(status().isOk())
                .andExpect(jsonPath("$.readCount").value(4)).andExpect(jsonPath("$.unreadCount").value(3))
                .andExpect(jsonPath("$.remindedAt").doesNotExist()).andExpect(jsonPath("$.mayRemind").value(true));
        var receipts = Api.body(api.get(s.cast().admin(), s.base() + "/" + id + "/receipts"));
        assertThat(ids(receipts.get("read"))).containsExactlyInAnyOrder(s.cast().owner().id(), s.cast().member().id(),
                s.aId(), runner.id());
        assertThat(ids(receipts.get("unread"))).containsExactlyInAnyOrder(s.cast().admin().id(), s.cast().core().id(), s.bId());

        owner.form(page + "/reminder").andExpect(status().is3xxRedirection());
        owner.get(page).andExpect(content().string(containsString("已提醒 3 位未读成员")))
                .andExpect(content().string(not(containsString("remind-button"))))
                .andExpect(content().string(containsString("提醒过未读成员")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (long unread : List.of(s.cast().admin().id(), s.cast().core().id(), s.bId())) {
                assertThat(notifications(unread, "ANNOUNCEMENT_REMINDER")).as("reminded " + unread).isEqualTo(1);
            }
        });
        for (long read : List.of(s.cast().owner().id(), s.cast().member().id(), s.aId(), s.cast().outsider().id())) {
            assertThat(notifications(read, "ANNOUNCEMENT_REMINDER")).as("not reminded " + read).isZero();
        }
        api.get(s.cast().core(), "/api/v1/notifications")
                .andExpect(jsonPath("$.items[0].kind").value("ANNOUNCEMENT_REMINDER"))
                .andExpect(jsonPath("$.items[0].link").value("/c/" + s.slug() + "/announcements"));
        // once: the second reminder, by anyone, is a conflict that says why
        api.post(s.cast().owner(), s.base() + "/" + id + "/reminder", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("这条公告已经提醒过一次了，每条公告只能提醒一次。"));
        mvc.perform(post(s.base() + "/" + id + "/reminder").header("Authorization", s.cast().admin().bearer())
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("already reminded")));
        assertThat(jdbc.sql("select count(*) from notifications where kind = 'ANNOUNCEMENT_REMINDER' and community_id = ?")
                .param(s.community().id()).query(Integer.class).single()).isEqualTo(3);
        // members may not see receipts or remind
        api.get(s.cast().core(), s.base() + "/" + id + "/receipts").andExpect(status().isForbidden());
        api.post(s.cast().member(), s.base() + "/" + id + "/reminder", null).andExpect(status().isForbidden());
        s.a().get(page).andExpect(content().string(not(containsString("id=\"receipts\""))));
    }

    @Test
    void publishingTellsEveryMemberButTheAuthorExceptThoseWhoSwitchedAnnouncementsOff() throws Exception {
        var s = scene();
        var quiet = s.cast().core();
        var prefs = Api.body(api.get(quiet, "/api/v1/notifications/preferences"));
        var topics = new java.util.ArrayList<Object>();
        for (var t : prefs.get("topics")) {
            boolean announcement = t.get("topic").asString().equals("ANNOUNCEMENT");
            topics.add(Api.obj("topic", t.get("topic").asString(), "inApp", !announcement && t.get("inApp").asBoolean(),
                    "email", false));
        }
        api.put(quiet, "/api/v1/notifications/preferences", Api.obj("topics", topics, "digest", false))
                .andExpect(status().isOk());
        long id = publish(s, s.cast().admin(), "新版块上线", "欢迎来「读书笔记」。");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (long member : List.of(s.cast().owner().id(), s.cast().member().id(), s.aId(), s.bId())) {
                assertThat(notifications(member, "ANNOUNCEMENT_PUBLISHED")).as("told " + member).isEqualTo(1);
            }
        });
        assertThat(notifications(s.cast().admin().id(), "ANNOUNCEMENT_PUBLISHED")).isZero();
        assertThat(notifications(quiet.id(), "ANNOUNCEMENT_PUBLISHED")).isZero();
        assertThat(notifications(s.cast().outsider().id(), "ANNOUNCEMENT_PUBLISHED")).isZero();
        api.get(s.cast().member(), "/api/v1/notifications")
                .andExpect(jsonPath("$.items[0].text").value(containsString("新版块上线")));
        assertThat(id).isPositive();
    }

    @Test
    void aWithdrawnAnnouncementLeavesEveryFeedAndTheMembersListButNotTheRunners() throws Exception {
        var s = scene();
        long id = publish(s, s.cast().owner(), "发错了的公告", "请忽略。");
        s.a().get("/c/" + s.slug() + "/posts").andExpect(content().string(containsString("发错了的公告")));
        var owner = ownerSession(s);
        owner.get("/c/" + s.slug() + "/announcements/" + id)
                .andExpect(content().string(containsString("data-confirm=")))
                .andExpect(content().string(containsString("/withdraw")));
        owner.form("/c/" + s.slug() + "/announcements/" + id + "/withdraw").andExpect(status().is3xxRedirection());
        owner.get("/c/" + s.slug() + "/announcements").andExpect(content().string(containsString("公告已撤回")))
                .andExpect(content().string(containsString("已撤回")));
        s.a().get("/c/" + s.slug() + "/posts").andExpect(content().string(not(containsString("发错了的公告"))));
        s.a().get("/c/" + s.slug() + "/announcements").andExpect(content().string(not(containsString("发错了的公告"))));
        s.a().get("/c/" + s.slug() + "/announcements/" + id).andExpect(status().isNotFound());
        api.get(s.cast().member(), s.base() + "/" + id).andExpect(status().isNotFound());
        api.get(s.cast().member(), s.base()).andExpect(jsonPath("$.length()").value(0));
        api.get(s.cast().admin(), s.base()).andExpect(jsonPath("$[0].withdrawn").value(true));
        // nothing more happens to it
        api.delete(s.cast().owner(), s.base() + "/" + id).andExpect(status().isConflict());
        api.post(s.cast().owner(), s.base() + "/" + id + "/reminder", null).andExpect(status().isConflict());
        api.put(s.cast().owner(), s.base() + "/" + id, Api.obj("title", "改", "body", "改")).andExpect(status().isConflict());
    }

    @Test
    void theOwnerAndAdminsEditButMembersOutsidersAndAnonymousVisitorsAreKeptOut() throws Exception {
        var s = scene();
        long id = publish(s, s.cast().owner(), "原标题", "原内容");
        api.put(s.cast().admin(), s.base() + "/" + id, Api.obj("title", "新标题", "body", "新内容"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("新标题"))
                .andExpect(jsonPath("$.editedAt").exists());
        var draft = Api.obj("title", "成员的公告", "body", "不行");
        api.post(s.cast().core(), s.base(), draft).andExpect(status().isForbidden());
        api.post(s.cast().member(), s.base(), draft).andExpect(status().isForbidden());
        api.put(s.cast().member(), s.base() + "/" + id, draft).andExpect(status().isForbidden());
        api.delete(s.cast().member(), s.base() + "/" + id).andExpect(status().isForbidden());
        api.post(s.cast().outsider(), s.base(), draft).andExpect(status().isForbidden());
        api.get(s.cast().outsider(), s.base()).andExpect(status().isForbidden());
        api.get(s.cast().outsider(), s.base() + "/" + id).andExpect(status().isForbidden());
        api.post(s.cast().outsider(), s.base() + "/" + id + "/read", null).andExpect(status().isForbidden());
        api.get(null, s.base()).andExpect(status().isUnauthorized());
        api.post(null, s.base(), draft).andExpect(status().isUnauthorized());
        // the pages: members see no publish button and get 403 on the form; anonymous visitors go to log in
        s.a().get("/c/" + s.slug() + "/announcements").andExpect(content().string(not(containsString("/announcements/new"))));
        s.a().get("/c/" + s.slug() + "/announcements/new").andExpect(status().isForbidden());
        s.a().form("/c/" + s.slug() + "/announcements", "title", "成员的公告", "body", "不行").andExpect(status().isForbidden());
        var outsider = new WebSession(mvc);
        outsider.register("网页路人");
        outsider.get("/c/" + s.slug() + "/announcements").andExpect(status().isForbidden());
        new WebSession(mvc).get("/c/" + s.slug() + "/announcements").andExpect(status().is3xxRedirection());
        assertThat(count(s)).isEqualTo(1);
        // the manage page offers 发布公告
        ownerSession(s).get("/c/" + s.slug() + "/manage").andExpect(content().string(containsString("/announcements/new")));
    }

    @Test
    void anArchivedCommunityKeepsItsAnnouncementsReadableAndTakesNoWrites() throws Exception {
        var s = scene();
        long id = publish(s, s.cast().owner(), "归档前的公告", "再见。");
        api.post(s.cast().owner(), s.community().base() + "/archive", null).andExpect(status().isOk());
        api.get(s.cast().member(), s.base()).andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
        api.get(s.cast().owner(), s.base() + "/" + id + "/receipts").andExpect(status().isOk())
                .andExpect(jsonPath("$.mayRemind").value(false));
        api.post(s.cast().owner(), s.base(), Api.obj("title", "新公告", "body", "内容")).andExpect(status().isConflict());
        api.put(s.cast().owner(), s.base() + "/" + id, Api.obj("title", "新公告", "body", "内容")).andExpect(status().isConflict());
        api.delete(s.cast().owner(), s.base() + "/" + id).andExpect(status().isConflict());
        api.post(s.cast().owner(), s.base() + "/" + id + "/reminder", null).andExpect(status().isConflict());
        api.post(s.cast().member(), s.base() + "/" + id + "/read", null).andExpect(status().isConflict());
        // nothing to mark on an archived community's feed; opening the page writes nothing
        s.a().get("/c/" + s.slug() + "/posts").andExpect(content().string(not(containsString("id=\"announcement-" + id + "\""))));
        s.a().get("/c/" + s.slug() + "/announcements/" + id).andExpect(status().isOk());
        assertThat(readers(id)).containsExactly(s.cast().owner().id());
        assertThat(count(s)).isEqualTo(1);
    }

    @Test
    void everyFieldIsJudgedWithItsOwnMessageInBothLanguagesAndNothingIsWritten() throws Exception {
        var s = scene();
        var owner = s.cast().owner();
        api.post(owner, s.base(), Api.obj("title", "", "body", "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("请填写公告标题。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'body')].message").value("请填写公告内容。"));
        api.post(owner, s.base(), Api.obj("title", "长".repeat(81), "body", "字".repeat(5001))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("公告标题最多 80 个字。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'body')].message").value("公告内容最多 5000 个字。"));
        api.post(owner, s.base(), Api.obj("title", "两行\n标题", "body", "正文")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("公告标题只能是一行文字，不能包含换行或控制字符。"));
        // other control characters are refused where every body is read
        api.post(owner, s.base(), Api.obj("title", "标题", "body", "正文\u0007")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'body')]").exists());
        api.post(owner, s.base(), Api.obj("title", "   ", "body", "正文")).andExpect(status().isBadRequest());
        api.post(owner, s.base(), Api.obj()).andExpect(status().isBadRequest());
        mvc.perform(post(s.base()).header("Authorization", owner.bearer()).header("Accept-Language", "en")
                        .contentType("application/json").content("{\"title\":\"\",\"body\":\"" + "x".repeat(5001) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("Please give the announcement a title."))
                .andExpect(jsonPath("$.errors[?(@.field == 'body')].message").value("An announcement can be at most 5000 characters."));
        // exactly at the limits is fine
        publish(s, owner, "长".repeat(80), "字".repeat(5000));
        assertThat(count(s)).isEqualTo(1);
        // the form shows the message by the field and keeps what was typed
        var web = ownerSession(s);
        web.form("/c/" + s.slug() + "/announcements", "title", "", "body", "保留我写的内容")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写公告标题。")))
                .andExpect(content().string(containsString("保留我写的内容")));
        web.english().form("/c/" + s.slug() + "/announcements", "title", "ok", "body", "")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Please write the announcement.")));
        assertThat(count(s)).isEqualTo(1);
        web.form("/c/" + s.slug() + "/announcements", "title", " 好标题 ", "body", "第一行\r\n第二行")
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select title from announcements where community_id = ? order by id desc limit 1")
                .param(s.community().id()).query(String.class).single()).isEqualTo("好标题");
    }

    @Test
    void hostileMarkupInTitleAndBodyComesBackHarmlessEverywhere() throws Exception {
        var s = scene();
        var title = "<script>alert('t')</script><img src=x onerror=alert(1)>";
        var body = "<script>alert('b')</script>\n\n<img src=x onerror=alert(2)>\n\n[点我](javascript:alert(3))\n\n"
                + "<a href=\"javascript:alert(4)\">链接</a>";
        long id = publish(s, s.cast().owner(), title, body);
        var pages = List.of("/c/" + s.slug() + "/posts", "/c/" + s.slug() + "/announcements",
                "/c/" + s.slug() + "/announcements/" + id);
        var runner = ownerSession(s);
        for (var path : pages) {
            for (var session : List.of(s.b(), runner)) {
                var html = session.get(path).andExpect(status().isOk()).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                // the markup arrives as text, never as a tag or a link
                assertThat(html).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x")
                        .doesNotContain("href=\"javascript").contains("&lt;script&gt;alert(");
            }
        }
        for (var path : List.of(s.base(), s.base() + "/" + id)) {
            var json = api.get(s.cast().member(), path).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            var item = path.equals(s.base()) ? Api.read(json).get(0) : Api.read(json);
            var html = item.get("html").asString();
            assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("href=\"javascript")
                    .contains("点我");
            assertThat(item.get("title").asString()).isEqualTo(title);
        }
    }

    record Runner(WebSession web, long id) {
    }

    /** The owner's account is an API one: a page session of an admin of the same community does what the owner may. */
    private Runner runner(Scene s) throws Exception {
        var web = new WebSession(mvc);
        long id = accountId(web.register("网页管理员"));
        Members.add(jdbc, s.community().id(), id, "ADMIN");
        return new Runner(web, id);
    }

    private WebSession ownerSession(Scene s) throws Exception {
        return runner(s).web();
    }

    private List<Long> readers(long id) {
        return jdbc.sql("select account_id from announcement_reads where announcement_id = ?").param(id).query(Long.class).list();
    }

    private int notifications(long accountId, String kind) {
        return jdbc.sql("select count(*) from notifications where account_id = ? and kind = ?").params(accountId, kind)
                .query(Integer.class).single();
    }

    private int count(Scene s) {
        return jdbc.sql("select count(*) from announcements where community_id = ?").param(s.community().id())
                .query(Integer.class).single();
    }

    private static List<Long> ids(tools.jackson.databind.JsonNode people) {
        var ids = new java.util.ArrayList<Long>();
        people.forEach(p -> ids.add(p.get("accountId").asLong()));
        return ids;
    }

    private long accountId(String email) {
        return jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
    }
}
