package org.shequn.subgroup;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestCommunity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Things scoped to a sub-group (分群) through HTTP: seen by the group's members and the runners only (404 for
 * anyone else, never a 403 that would reveal it), taken part in by the group's members only, and the group's feed.
 */
@IntegrationTest
class SubgroupScopeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Api api;
    TestCommunity community;
    TestCommunity.Cast cast;
    /** 上海组: the member (普通成员) and a peer; 北京组: the core member. */
    long shanghai;
    long beijing;
    Api.User peer;

    void scene() throws Exception {
        api = new Api(mvc);
        community = TestCommunity.create(api, jdbc, "scope-");
        cast = community.cast();
        peer = community.seat("同组成员", "MEMBER");
        shanghai = group("上海组");
        beijing = group("北京组");
        join(shanghai, cast.member());
        join(shanghai, peer);
        join(beijing, cast.core());
    }

    long group(String name) throws Exception {
        return Api.body(api.post(cast.admin(), community.base() + "/subgroups", Api.obj("name", name))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    void join(long group, Api.User who) throws Exception {
        api.post(cast.admin(), community.base() + "/subgroups/" + group + "/members", Api.obj("accountId", who.id()))
                .andExpect(status().isOk());
    }

    long post(Api.User author, Long subgroupId, String title) throws Exception {
        return Api.body(api.post(author, community.base() + "/posts", Api.obj("kind", "DISCUSSION", "title", title,
                "body", "只给上海组看的内容", "subgroupId", subgroupId)).andExpect(status().isCreated())).get("id").asLong();
    }

    @Test
    void aGroupsPostIsSeenByItsMembersAndTheRunnersAndByNoOneElse() throws Exception {
        scene();
        long scoped = post(cast.member(), shanghai, "上海组周末约跑");
        long open = post(cast.core(), null, "全体公告帖");
        var feed = community.base() + "/posts";
        var one = feed + "/" + scoped;

        // the group's members and the runners see it, labelled with the group
        for (var who : new Api.User[] {cast.member(), peer, cast.owner(), cast.admin()}) {
            api.get(who, feed).andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[?(@.id == " + scoped + ")].scopeName").value("上海组"))
                    .andExpect(jsonPath("$.items[?(@.id == " + open + ")]").exists());
            api.get(who, one).andExpect(status().isOk()).andExpect(jsonPath("$.scopeName").value("上海组"));
        }
        // anyone else: not in the feed (latest, hot, questions), and 404 on the post, its history and its comments
        api.get(cast.core(), feed).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + scoped + ")]").isEmpty())
                .andExpect(jsonPath("$.items[?(@.id == " + open + ")]").exists())
                .andExpect(jsonPath("$.items[?(@.id == " + open + ")].scopeName").isEmpty());
        for (var view : new String[] {"hot", "featured", "questions"}) {
            api.get(cast.core(), feed + "?view=" + view).andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(Matchers.not(Matchers.containsString("上海组周末约跑"))));
        }
        api.get(cast.admin(), feed + "?view=hot").andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("上海组周末约跑")));
        api.get(cast.core(), one).andExpect(status().isNotFound());
        api.get(cast.core(), one + "/history").andExpect(status().isNotFound());
        api.post(cast.core(), one + "/comments", Api.obj("body", "我也来")).andExpect(status().isNotFound());
        api.get(cast.outsider(), one).andExpect(status().isForbidden());
        api.get(null, one).andExpect(status().isUnauthorized());
        // a member in no group sees only the whole community's
        var loner = community.seat("无组成员", "MEMBER");
        api.get(loner, feed).andExpect(status().isOk()).andExpect(jsonPath("$.items[?(@.id == " + scoped + ")]").isEmpty());
        api.get(loner, one).andExpect(status().isNotFound());
        // the page too: 404 for others, the label for the group
        api.get(cast.core(), "/c/" + community.slug() + "/posts/" + scoped).andExpect(status().isNotFound());
        api.get(peer, "/c/" + community.slug() + "/posts").andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("仅 上海组 可见")));
    }

    @Test
    void aMentionInAGroupsPostTellsOnlyThoseWhoMayReadIt() throws Exception {
        scene();
        var started = java.time.OffsetDateTime.now().minusSeconds(1);
        var body = "约跑：@[同组成员](member:" + peer.id() + ") @[管理员](member:" + cast.admin().id()
                + ") @[北京的](member:" + cast.core().id() + ")";
        long scoped = Api.body(api.post(cast.member(), community.base() + "/posts", Api.obj("kind", "DISCUSSION",
                "title", "上海组约跑", "body", body, "subgroupId", shanghai)).andExpect(status().isCreated()))
                .get("id").asLong();
        // a comment's mention of the outsider of the group is not heard either
        api.post(peer, community.base() + "/posts/" + scoped + "/comments",
                Api.obj("body", "叫上 @[北京的](member:" + cast.core().id() + ")")).andExpect(status().isCreated());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            org.assertj.core.api.Assertions.assertThat(mentionsOf(peer)).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(mentionsOf(cast.admin())).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                    select count(*) from event_publication where completion_date is null and publication_date >= ?""")
                    .param(started).query(Long.class).single()).isZero();
        });
        org.assertj.core.api.Assertions.assertThat(mentionsOf(cast.core())).as("the 北京组 member hears nothing").isZero();
    }

    long mentionsOf(Api.User who) throws Exception {
        long n = 0;
        for (var item : Api.body(api.get(who, "/api/v1/notifications")).get("items")) {
            n += item.get("kind").asString().equals("MENTIONED") ? 1 : 0;
        }
        return n;
    }

    @Test
    void aDeletedGroupsPostStaysForTheRunnersSaidSo() throws Exception {
        scene();
        long scoped = post(cast.member(), shanghai, "上海组旧帖");
        api.delete(cast.admin(), community.base() + "/subgroups/" + shanghai).andExpect(status().is2xxSuccessful());
        api.get(cast.owner(), "/c/" + community.slug() + "/posts/" + scoped).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("原分群已删除，仅群主和管理员可见")));
        api.get(cast.member(), community.base() + "/posts/" + scoped).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheGroupsMembersTakePartAndOnlyTheirOwnGroupIsOffered() throws Exception {
        scene();
        long scoped = post(cast.member(), shanghai, "上海组讨论");
        var one = community.base() + "/posts/" + scoped;
        api.post(peer, one + "/comments", Api.obj("body", "同去")).andExpect(status().isCreated());
        // the owner may look, but the conversation is the group's
        api.post(cast.owner(), one + "/comments", Api.obj("body", "群主路过")).andExpect(status().isForbidden());
        api.get(cast.owner(), one).andExpect(jsonPath("$.canComment").value(false));
        api.get(peer, one).andExpect(jsonPath("$.canComment").value(true));

        // a member may scope only to their own group; a runner to any; no group of another community
        api.post(cast.member(), community.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "越界",
                "subgroupId", beijing)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subgroupId"));
        api.post(cast.member(), community.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "不存在",
                "subgroupId", 987654321L)).andExpect(status().isBadRequest());
        post(cast.admin(), beijing, "管理员给北京组");
        var other = TestCommunity.create(api, jdbc, "scope-other-");
        api.post(other.owner(), other.base() + "/posts", Api.obj("kind", "DISCUSSION", "body", "别的社群",
                "subgroupId", shanghai)).andExpect(status().isBadRequest());
        int before = jdbc.sql("select count(*) from posts where community_id = ?").param(community.id()).query(Integer.class).single();
        org.assertj.core.api.Assertions.assertThat(before).isEqualTo(2);

        // the editor offers the member their own group, the admin every group
        api.get(cast.member(), "/c/" + community.slug() + "/posts/new").andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        Matchers.allOf(Matchers.containsString("仅 上海组 可见"), Matchers.not(Matchers.containsString("仅 北京组 可见")))));
        api.get(cast.admin(), "/c/" + community.slug() + "/posts/new").andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        Matchers.allOf(Matchers.containsString("仅 上海组 可见"), Matchers.containsString("仅 北京组 可见"))));
    }

    @Test
    void aGroupHasItsOwnFeed() throws Exception {
        scene();
        long first = post(cast.member(), shanghai, "第一帖");
        long second = post(peer, shanghai, "第二帖");
        post(cast.admin(), beijing, "北京组的帖");
        post(cast.member(), null, "全体的帖");
        var groupFeed = community.base() + "/subgroups/" + shanghai + "/posts";
        api.get(peer, groupFeed).andExpect(status().isOk())
                .andExpect(jsonPath("$.posts.length()").value(2))
                .andExpect(jsonPath("$.posts[0].id").value(second))
                .andExpect(jsonPath("$.posts[1].id").value(first));
        api.get(cast.owner(), groupFeed).andExpect(status().isOk()).andExpect(jsonPath("$.posts.length()").value(2));
        api.get(cast.core(), groupFeed).andExpect(status().isNotFound());
        api.get(cast.outsider(), groupFeed).andExpect(status().isForbidden());
        // the group's page shows its feed to its members, and not to others (who still see its member list)
        api.get(peer, "/c/" + community.slug() + "/groups/" + shanghai).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        Matchers.allOf(Matchers.containsString("第一帖"), Matchers.containsString("第二帖"),
                                Matchers.not(Matchers.containsString("北京组的帖")))));
        api.get(cast.core(), "/c/" + community.slug() + "/groups/" + shanghai).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        Matchers.not(Matchers.containsString("第一帖"))));
        api.get(cast.core(), community.base() + "/subgroups/" + shanghai).andExpect(status().isOk())
                .andExpect(jsonPath("$.feed").doesNotExist());
    }
}
