package org.shequn.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestCommunity;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Private messages through HTTP: who may write to whom, unread counts, settings, limits, hostile text, the
 * conversation's role matrix and reports to the operators. The operator's address is the one the verification
 * tests configure, so both share one application context.
 */
@IntegrationTest
@TestPropertySource(properties = "shequn.operators=" + MessagingTests.OPERATOR_EMAIL)
class MessagingTests {

    static final String OPERATOR_EMAIL = "profile-review-operator@example.com";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(mvc);
    }

    /** Two people who share a community (as members), and its owner. */
    record Pair(TestCommunity community, Api.User a, Api.User b) {
    }

    Pair pair() throws Exception {
        var c = TestCommunity.create(api(), jdbc, "dm-");
        return new Pair(c, c.seat("阿明", "MEMBER"), c.seat("小红", "MEMBER"));
    }

    ResultActions send(Api.User from, Api.User to, String body) throws Exception {
        return api().post(from, "/api/v1/messages/" + to.id(), Map.of("body", body));
    }

    long sent(Api.User from, Api.User to, String body) throws Exception {
        return Api.body(send(from, to, body).andExpect(status().isCreated())).get("id").asLong();
    }

    int unread(Api.User who) throws Exception {
        return Api.body(api().get(who, "/api/v1/messages/unread").andExpect(status().isOk())).get("unread").asInt();
    }

    Api.User operator() throws Exception {
        return new Api(mvc).operator(OPERATOR_EMAIL, "运营");
    }

    void follow(Api.User who, Api.User whom) throws Exception {
        api().put(who, "/api/v1/people/" + whom.id() + "/follow", null).andExpect(status().isNoContent());
    }

    @Test
    void membersOfACommunityWriteToEachOtherWithUnreadCountsAndMarkingRead() throws Exception {
        var p = pair();
        long first = sent(p.a(), p.b(), "你好，小红！\n周末一起读书吗？");
        sent(p.a(), p.b(), "第二条");

        assertThat(unread(p.b())).isEqualTo(2);
        assertThat(unread(p.a())).isZero();
        api().get(p.b(), "/api/v1/messages").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].otherId").value(p.a().id()))
                .andExpect(jsonPath("$.items[0].otherName").value("阿明"))
                .andExpect(jsonPath("$.items[0].snippet").value("第二条"))
                .andExpect(jsonPath("$.items[0].unread").value(2));
        api().get(p.b(), "/api/v1/messages/" + p.a().id()).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].body").value("第二条"))
                .andExpect(jsonPath("$.items[1].id").value(first))
                .andExpect(jsonPath("$.items[1].body").value("你好，小红！\n周末一起读书吗？"))
                .andExpect(jsonPath("$.items[1].mine").value(false));

        api().post(p.b(), "/api/v1/messages/" + p.a().id() + "/read", null).andExpect(status().isNoContent());
        assertThat(unread(p.b())).isZero();

        // replying: the newest conversation comes first in the list, for both
        sent(p.b(), p.a(), "好呀");
        assertThat(unread(p.a())).isEqualTo(1);
        api().get(p.a(), "/api/v1/messages").andExpect(jsonPath("$.items[0].snippet").value("好呀"))
                .andExpect(jsonPath("$.items[0].lastMine").value(false));
    }

    @Test
    void theListIsNewestFirstAndMessagesPageWithACursor() throws Exception {
        var c = TestCommunity.create(api(), jdbc, "dm-page-");
        var me = c.seat("我", "MEMBER");
        var x = c.seat("甲", "MEMBER");
        var y = c.seat("乙", "MEMBER");
        sent(x, me, "甲说");
        sent(y, me, "乙说");
        api().get(me, "/api/v1/messages").andExpect(jsonPath("$.items[0].otherName").value("乙"))
                .andExpect(jsonPath("$.items[1].otherName").value("甲"));

        for (int i = 0; i < 18; i++) {
            sent(x, me, "第" + i + "条");
            sent(me, x, "回" + i);
        }
        var ids = new ArrayList<Long>();
        String cursor = null;
        do {
            var page = Api.body(api().get(me, "/api/v1/messages/" + x.id() + (cursor == null ? "" : "?cursor=" + cursor))
                    .andExpect(status().isOk()));
            page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
            cursor = page.get("next") == null || page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null);
        assertThat(ids).hasSize(37).doesNotHaveDuplicates();
        assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        api().get(me, "/api/v1/messages/" + x.id() + "?cursor=nonsense").andExpect(status().isBadRequest());
    }

    @Test
    void eachSettingDecidesWhoMayWrite() throws Exception {
        var p = pair();
        var stranger = api().register("陌生人");
        api().get(p.b(), "/api/v1/messages/settings").andExpect(jsonPath("$.accepts").value("COMMUNITIES"));

        // COMMUNITIES: a member of a shared community may, a stranger may not
        sent(p.a(), p.b(), "同社群");
        send(stranger, p.b(), "你好").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").exists());

        // FRIENDS: the community is not enough; a friend (mutual follows) may
        api().put(p.b(), "/api/v1/messages/settings", Map.of("accepts", "FRIENDS")).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepts").value("FRIENDS"));
        send(p.a(), p.b(), "还是同社群").andExpect(status().isForbidden());
        follow(stranger, p.b());
        follow(p.b(), stranger);
        sent(stranger, p.b(), "我们是好友");

        // NOBODY: not even friends
        api().put(p.b(), "/api/v1/messages/settings", Map.of("accepts", "NOBODY")).andExpect(status().isOk());
        send(stranger, p.b(), "好友也不行").andExpect(status().isForbidden());
        send(p.a(), p.b(), "社群也不行").andExpect(status().isForbidden());
        // ...yet B's conversations stay readable, and B may still write
        api().get(p.b(), "/api/v1/messages/" + p.a().id()).andExpect(jsonPath("$.items[0].body").value("同社群"));
        sent(p.b(), p.a(), "我可以写给你");

        api().put(p.b(), "/api/v1/messages/settings", Map.of("accepts", "everyone")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accepts"));
        api().put(p.b(), "/api/v1/messages/settings", Map.of()).andExpect(status().isBadRequest());
        api().get(p.b(), "/api/v1/messages/settings").andExpect(jsonPath("$.accepts").value("NOBODY"));
    }

    @Test
    void theSettingsPageOffersEachOptionAndSaves() throws Exception {
        var web = new WebSession(mvc);
        web.register("设置者");
        web.get("/messages/settings").andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"COMMUNITIES\" checked")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"NOBODY\"")));
        for (var option : List.of("FRIENDS", "NOBODY", "COMMUNITIES")) {
            web.form("/messages/settings", "accepts", option).andExpect(status().is3xxRedirection());
            web.get("/messages/settings").andExpect(content().string(
                    org.hamcrest.Matchers.containsString("value=\"" + option + "\" checked")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("私信设置已保存")));
        }
        web.form("/messages/settings", "accepts", "ALL").andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("没有这个选项")));
        web.get("/settings/account").andExpect(content().string(org.hamcrest.Matchers.containsString("/messages/settings")));
    }

    @Test
    void aBlockEitherWayRefusesWithTheSameAnswerAsAnyRefusal() throws Exception {
        var p = pair();
        sent(p.a(), p.b(), "在吗");
        api().put(p.b(), "/api/v1/people/" + p.a().id() + "/block", null).andExpect(status().isNoContent());

        var blocked = Api.body(send(p.a(), p.b(), "为什么不回").andExpect(status().isForbidden()));
        send(p.b(), p.a(), "拉黑者也不能写").andExpect(status().isForbidden());
        var stranger = api().register("路人");
        var refused = Api.body(send(stranger, p.b(), "你好").andExpect(status().isForbidden()));
        // the blocked person learns "cannot message", exactly what anyone refused learns
        assertThat(blocked.get("detail")).isEqualTo(refused.get("detail"));
        assertThat(blocked.get("detail").asString()).doesNotContain("拉黑").doesNotContain("block");

        api().delete(p.b(), "/api/v1/people/" + p.a().id() + "/block").andExpect(status().isNoContent());
        sent(p.a(), p.b(), "解除之后");
    }

    @Test
    void withoutASharedCommunityOrWhenBannedFromTheOnlyOneNobodyMayWrite() throws Exception {
        var p = pair();
        var elsewhere = TestCommunity.create(api(), jdbc, "dm-other-").seat("别处的人", "MEMBER");
        send(elsewhere, p.a(), "你好").andExpect(status().isForbidden());
        send(p.a(), elsewhere, "你好").andExpect(status().isForbidden());
        api().get(p.a(), "/messages/to/" + elsewhere.id() + "/button").andExpect(status().isOk());

        sent(p.a(), p.b(), "在同一个社群");
        api().put(p.community().owner(), p.community().base() + "/bans/" + p.b().id(), Map.of("reason", "广告"))
                .andExpect(status().isNoContent());
        send(p.a(), p.b(), "被封禁之后").andExpect(status().isForbidden());
        send(p.b(), p.a(), "被封禁的人也不行").andExpect(status().isForbidden());
        // a ban row alone (e.g. re-seated by hand) still does not count as sharing
        org.shequn.Members.add(jdbc, p.community().id(), p.b().id(), "MEMBER");
        send(p.a(), p.b(), "封禁仍在").andExpect(status().isForbidden());
    }

    @Test
    void refusesOneselfUnknownPeopleAndAnonymousCallers() throws Exception {
        var p = pair();
        send(p.a(), p.a(), "自言自语").andExpect(status().isBadRequest());
        send(p.a(), new Api.User(987654321L, "", "", "x"), "没这个人").andExpect(status().isNotFound());
        api().get(p.a(), "/api/v1/messages/987654321").andExpect(status().isNotFound());
        api().post(null, "/api/v1/messages/" + p.b().id(), Map.of("body", "匿名")).andExpect(status().isUnauthorized());
        api().get(null, "/api/v1/messages").andExpect(status().isUnauthorized());
        api().get(null, "/api/v1/messages/unread").andExpect(status().isUnauthorized());
        api().get(null, "/api/v1/messages/settings").andExpect(status().isUnauthorized());
        mvc.perform(get("/messages")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/login")));
        mvc.perform(get("/messages/live")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/messages/live")).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesEmptyTooLongAndControlCharactersAndWritesNothing() throws Exception {
        var p = pair();
        send(p.a(), p.b(), "   ").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        api().post(p.a(), "/api/v1/messages/" + p.b().id(), Map.of()).andExpect(status().isBadRequest());
        send(p.a(), p.b(), "长".repeat(2001)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        sent(p.a(), p.b(), "长".repeat(2000));
        send(p.a(), p.b(), "响铃\u0007").andExpect(status().isBadRequest());
        send(p.a(), p.b(), "空字符\u0000").andExpect(status().isBadRequest());
        send(p.a(), p.b(), "回车\r不换行").andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from private_messages where sender_id = ?").param(p.a().id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(unread(p.b())).isEqualTo(1);

        // the form says it next to the field, keeping the text
        var web = signedIn(p.a());
        web.form("/messages/" + p.b().id(), "body", "长".repeat(2001)).andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("消息最多 2000 个字")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("field invalid")));
    }

    @Test
    void scriptsAndImagesComeBackEscapedInThePageAndAsPlainTextInTheApi() throws Exception {
        var p = pair();
        var script = "<script>alert('x')</script>";
        var image = "<img src=x onerror=alert(1)>";
        sent(p.a(), p.b(), script + "\n" + image);

        api().get(p.b(), "/api/v1/messages/" + p.a().id())
                .andExpect(jsonPath("$.items[0].body").value(script + "\n" + image));
        var web = signedIn(p.b());
        for (var path : List.of("/messages/" + p.a().id(), "/messages", "/messages/list")) {
            var html = web.get(path).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("onerror=alert(1)>");
        }
        var page = web.get("/messages/" + p.a().id()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("&lt;script&gt;alert('x')&lt;/script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void sendingTooFastOrToTooManyNewPeopleIsRefusedWith429() throws Exception {
        var c = TestCommunity.create(api(), jdbc, "dm-rate-");
        var chatty = c.seat("话痨", "MEMBER");
        var friend = c.seat("朋友", "MEMBER");
        for (int i = 0; i < 20; i++) {
            sent(chatty, friend, "消息 " + i);
        }
        send(chatty, friend, "第 21 条").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("20")));
        assertThat(unread(friend)).isEqualTo(20);

        var spammer = c.seat("群发者", "MEMBER");
        sent(spammer, friend, "老朋友");
        for (int i = 0; i < 4; i++) {
            sent(spammer, c.seat("成员" + i, "MEMBER"), "加我微信");
        }
        var sixth = c.seat("第六人", "MEMBER");
        send(spammer, sixth, "加我微信").andExpect(status().isTooManyRequests());
        assertThat(jdbc.sql("select count(*) from conversations where started_by = ?").param(spammer.id())
                .query(Integer.class).single()).isEqualTo(5);
        // an existing conversation is not a new one
        sent(spammer, friend, "老朋友不算新会话");

        // the page says it in a flash
        var web = signedIn(spammer);
        web.form("/messages/" + sixth.id(), "body", "再试一次").andExpect(status().is3xxRedirection());
        web.get("/messages/" + sixth.id()).andExpect(content().string(
                org.hamcrest.Matchers.containsString("一小时内最多给 5 位新朋友发私信")));
    }

    @Test
    void thePagesListConversationsShowUnreadAndOpeningMarksRead() throws Exception {
        var p = pair();
        sent(p.a(), p.b(), "页面上的消息");
        var b = signedIn(p.b());
        b.get("/messages/count").andExpect(content().string(org.hamcrest.Matchers.containsString(">1</span>")));
        b.get("/messages").andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("阿明")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("页面上的消息")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("badge unread-count")));
        b.get("/messages/" + p.a().id()).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("message theirs")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"body\"")));
        assertThat(unread(p.b())).isZero();
        b.get("/messages/count").andExpect(content().string(org.hamcrest.Matchers.containsString("hidden")));

        b.form("/messages/" + p.a().id(), "body", "页面回复\r\n第二行").andExpect(status().is3xxRedirection());
        api().get(p.a(), "/api/v1/messages/" + p.b().id()).andExpect(jsonPath("$.items[0].body").value("页面回复\n第二行"));

        // the 私信 button appears on the profile and directory pages' fragment where messaging is allowed
        b.get("/messages/to/" + p.a().id() + "/button").andExpect(content().string(
                org.hamcrest.Matchers.containsString("href=\"/messages/" + p.a().id() + "\"")));
        b.get("/people/" + p.a().id()).andExpect(content().string(
                org.hamcrest.Matchers.containsString("/messages/to/" + p.a().id() + "/button")));
        api().put(p.a(), "/api/v1/messages/settings", Map.of("accepts", "NOBODY")).andExpect(status().isOk());
        b.get("/messages/to/" + p.a().id() + "/button").andExpect(content().string(
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("href"))));
        b.get("/messages/" + p.a().id()).andExpect(content().string(org.hamcrest.Matchers.containsString("你目前无法给 TA 发私信")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("name=\"body\""))));
        b.form("/messages/" + p.a().id(), "body", "被拒").andExpect(status().is3xxRedirection());
        b.get("/messages/" + p.a().id()).andExpect(content().string(org.hamcrest.Matchers.containsString("flash warn")));
    }

    /**
     * The conversation between A and B as everyone else sees it: a third member, the community's owner and a
     * platform operator find nothing of it through any endpoint; anonymous callers are sent to sign in.
     */
    @Test
    void onlyTheTwoPeopleReadAConversation() throws Exception {
        var p = pair();
        var third = p.community().seat("第三人", "MEMBER");
        var owner = p.community().owner();
        var operator = operator();
        long message = sent(p.a(), p.b(), "只有我们俩知道的秘密");

        for (var insider : List.of(p.a(), p.b())) {
            var other = insider == p.a() ? p.b() : p.a();
            api().get(insider, "/api/v1/messages").andExpect(jsonPath("$.items[0].snippet").value("只有我们俩知道的秘密"));
            api().get(insider, "/api/v1/messages/" + other.id()).andExpect(jsonPath("$.items[0].body").value("只有我们俩知道的秘密"));
            assertThat(signedIn(insider).get("/messages/" + other.id()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).contains("只有我们俩知道的秘密");
        }
        for (var outsider : List.of(third, owner, operator)) {
            var list = api().get(outsider, "/api/v1/messages").andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(list).doesNotContain("只有我们俩知道的秘密");
            for (var person : List.of(p.a(), p.b())) {
                // naming A or B opens the outsider's own (empty) conversation with them, never theirs with each other
                var own = api().get(outsider, "/api/v1/messages/" + person.id()).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(own).doesNotContain("只有我们俩知道的秘密");
                var page = signedIn(outsider).get("/messages/" + person.id()).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(page).doesNotContain("只有我们俩知道的秘密");
            }
            // a message id of someone else's conversation does not exist for them
            api().post(outsider, "/api/v1/messages/" + message + "/report", Map.of("reason", "看看"))
                    .andExpect(status().isNotFound());
        }
        // the operator's queue holds nothing until someone reports
        assertThat(api().get(operator, "/api/v1/operator/message-reports").andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("只有我们俩知道的秘密");
        // anonymous: 401 on the API, the login page on pages, for every endpoint naming the conversation
        api().get(null, "/api/v1/messages/" + p.a().id()).andExpect(status().isUnauthorized());
        api().post(null, "/api/v1/messages/" + p.a().id() + "/read", null).andExpect(status().isUnauthorized());
        api().post(null, "/api/v1/messages/" + message + "/report", null).andExpect(status().isUnauthorized());
        mvc.perform(get("/messages/" + p.a().id())).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/login")));
        // and a member of the community, not an operator, is refused the queue
        api().get(third, "/api/v1/operator/message-reports").andExpect(status().isForbidden());
        api().get(owner, "/api/v1/operator/message-reports").andExpect(status().isForbidden());
    }

    @Test
    void theRecipientReportsAMessageAndAnOperatorSeesThatMessageOnlyAndRemovesIt() throws Exception {
        var p = pair();
        sent(p.a(), p.b(), "之前的正常聊天");
        long bad = sent(p.a(), p.b(), "买我的假货 <b>便宜</b>");
        var operator = operator();

        api().post(p.a(), "/api/v1/messages/" + bad + "/report", Map.of()).andExpect(status().isConflict());
        api().post(p.b(), "/api/v1/messages/" + bad + "/report", Map.of("reason", "x".repeat(501)))
                .andExpect(status().isBadRequest());
        var web = signedIn(p.b());
        web.form("/messages/" + bad + "/report", "reason", "广告骚扰").andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/messages/" + p.a().id()));
        web.get("/messages/" + p.a().id()).andExpect(content().string(org.hamcrest.Matchers.containsString("举报已收到")));
        // twice is once
        api().post(p.b(), "/api/v1/messages/" + bad + "/report", Map.of("reason", "再举报")).andExpect(status().isAccepted());

        var queue = Api.body(api().get(operator, "/api/v1/operator/message-reports").andExpect(status().isOk()));
        var mine = new ArrayList<tools.jackson.databind.JsonNode>();
        queue.forEach(r -> {
            if (r.get("messageId").asLong() == bad) {
                mine.add(r);
            }
        });
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().get("reason").asString()).isEqualTo("广告骚扰");
        assertThat(mine.getFirst().get("senderName").asString()).isEqualTo("阿明");
        var queuePage = signedIn(operator).get("/operator/message-reports").andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(queuePage).contains("买我的假货 &lt;b&gt;便宜&lt;/b&gt;").doesNotContain("之前的正常聊天");
        signedIn(p.b()).get("/operator/message-reports").andExpect(status().isForbidden());

        long reportId = mine.getFirst().get("id").asLong();
        signedIn(operator).form("/operator/message-reports/" + reportId + "/remove").andExpect(status().is3xxRedirection());
        api().post(operator, "/api/v1/operator/message-reports/" + reportId + "/dismiss", null).andExpect(status().isConflict());
        api().get(p.a(), "/api/v1/messages/" + p.b().id()).andExpect(jsonPath("$.items[0].removed").value(true))
                .andExpect(jsonPath("$.items[0].body").doesNotExist())
                .andExpect(jsonPath("$.items[1].body").value("之前的正常聊天"));
        signedIn(p.b()).get("/messages/" + p.a().id()).andExpect(content().string(
                org.hamcrest.Matchers.containsString("此消息已被平台删除")));

        // dismissing keeps the message
        long other = sent(p.a(), p.b(), "其实还好");
        api().post(p.b(), "/api/v1/messages/" + other + "/report", null).andExpect(status().isAccepted());
        long second = jdbc.sql("select id from message_reports where message_id = ?").param(other).query(Long.class).single();
        api().post(p.b(), "/api/v1/operator/message-reports/" + second + "/dismiss", null).andExpect(status().isForbidden());
        api().post(operator, "/api/v1/operator/message-reports/" + second + "/dismiss", null).andExpect(status().isNoContent());
        api().get(p.b(), "/api/v1/messages/" + p.a().id()).andExpect(jsonPath("$.items[0].body").value("其实还好"));
    }

    @Test
    void theOpenApiDocumentDescribesTheMessagesEndpoints() throws Exception {
        var doc = mvc.perform(get("/api/openapi.json")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(doc).contains("\"/api/v1/messages\"").contains("\"/api/v1/messages/{accountId}\"")
                .contains("\"/api/v1/messages/{accountId}/read\"").contains("\"/api/v1/messages/settings\"")
                .contains("\"/api/v1/messages/{messageId}/report\"").contains("\"/api/v1/operator/message-reports\"");
    }

    /** A page session signed in as the API user (through the login form). */
    WebSession signedIn(Api.User user) throws Exception {
        var web = new WebSession(mvc);
        web.form("/login", "email", user.email(), "password", "secret-pass-1").andExpect(status().is3xxRedirection());
        return web;
    }
}
