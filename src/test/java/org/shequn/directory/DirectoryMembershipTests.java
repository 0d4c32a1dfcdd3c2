package org.shequn.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The directory as members see it after real joins, departures, role changes and blocks. */
@IntegrationTest
class DirectoryMembershipTests {

    @Autowired
    MockMvc mvc;

    Api api() {
        return new Api(mvc);
    }

    String openCommunity(Api.User owner, int cap) throws Exception {
        var slug = Api.unique("dirm-");
        api().post(owner, "/api/v1/communities", CommunityFixtures.settings(slug, "OPEN", cap)).andExpect(status().isCreated());
        return slug;
    }

    Api.User joined(String slug, String name, String city) throws Exception {
        var user = api().register(name);
        api().put(user, "/api/v1/me/profile", Api.obj("displayName", name, "city", city)).andExpect(status().isOk());
        api().post(user, "/api/v1/communities/" + slug + "/join", Api.obj()).andExpect(status().isCreated());
        return user;
    }

    void awaitMembers(Api.User viewer, String slug, int expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api().get(viewer, "/api/v1/communities/" + slug + "/members?limit=50")
                        .andExpect(jsonPath("$.items.length()").value(expected)));
    }

    @Test
    void liftingABlockShowsBothAgainAtOnce() throws Exception {
        var owner = api().register("群主");
        var slug = openCommunity(owner, 10);
        var a = joined(slug, "阿丙", "上海");
        var b = joined(slug, "阿丁", "上海");
        awaitMembers(owner, slug, 3);
        api().put(a, "/api/v1/people/" + b.id() + "/block", null).andExpect(status().isNoContent());
        api().delete(a, "/api/v1/people/" + b.id() + "/block").andExpect(status().isNoContent());
        for (var pair : List.of(List.of(a, b), List.of(b, a))) {
            var names = new ArrayList<String>();
            Api.body(api().get(pair.get(0), "/api/v1/communities/" + slug + "/members?city=上海&limit=50")).get("items")
                    .forEach(m -> names.add(m.get("displayName").asString()));
            assertThat(names).contains(pair.get(1).displayName());
        }
    }

    @Test
    void membersWhoBlockedEachOtherDoNotSeeEachOther() throws Exception {
        var owner = api().register("群主");
        var slug = openCommunity(owner, 10);
        var a = joined(slug, "阿甲", "北京");
        var b = joined(slug, "阿乙", "北京");
        awaitMembers(owner, slug, 3);
        api().put(a, "/api/v1/people/" + b.id() + "/block", null).andExpect(status().isNoContent());
        for (var pair : List.of(List.of(a, b), List.of(b, a))) {
            var names = new ArrayList<String>();
            Api.body(api().get(pair.get(0), "/api/v1/communities/" + slug + "/members?limit=50")).get("items")
                    .forEach(m -> names.add(m.get("displayName").asString()));
            assertThat(names).doesNotContain(pair.get(1).displayName()).contains("群主");
            api().get(pair.get(0), "/api/v1/communities/" + slug + "/members/" + pair.get(1).id())
                    .andExpect(status().isNotFound());
        }
        awaitMembers(owner, slug, 3);
    }

    @Test
    void pagesStayCompleteWhilePeopleJoin() throws Exception {
        var owner = api().register("分页群主");
        var slug = openCommunity(owner, 100);
        for (int i = 0; i < 24; i++) {
            joined(slug, "成员" + i, i % 2 == 0 ? "上海" : "杭州");
        }
        awaitMembers(owner, slug, 25);
        var seen = new HashSet<Long>();
        var first = Api.body(api().get(owner, "/api/v1/communities/" + slug + "/members?limit=10"));
        first.get("items").forEach(m -> seen.add(m.get("accountId").asLong()));
        // newcomers arrive between page requests; they sort before the cursor and must not shift later pages
        joined(slug, "新来的", "上海");
        var next = first.get("next").asString();
        while (next != null) {
            var page = Api.body(api().get(owner, "/api/v1/communities/" + slug + "/members?limit=10&cursor=" + next));
            page.get("items").forEach(m -> assertThat(seen.add(m.get("accountId").asLong())).as("no duplicates").isTrue());
            next = page.hasNonNull("next") ? page.get("next").asString() : null;
        }
        assertThat(seen).hasSize(25);
        api().get(owner, "/api/v1/communities/" + slug + "/members?city=杭州&limit=50")
                .andExpect(jsonPath("$.items.length()").value(12));
    }

    @Test
    void rolesAndDeparturesReachTheDirectory() throws Exception {
        var owner = api().register("角色群主");
        var slug = openCommunity(owner, 10);
        var core = joined(slug, "骨干甲", "成都");
        var leaver = joined(slug, "要走的", "成都");
        awaitMembers(owner, slug, 3);
        api().put(owner, "/api/v1/communities/" + slug + "/members/" + core.id() + "/role", Api.obj("role", "CORE"))
                .andExpect(status().isNoContent());
        api().post(leaver, "/api/v1/communities/" + slug + "/leave", null).andExpect(status().isNoContent());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            api().get(owner, "/api/v1/communities/" + slug + "/members?role=CORE")
                    .andExpect(jsonPath("$.items.length()").value(1))
                    .andExpect(jsonPath("$.items[0].displayName").value("骨干甲"));
            api().get(owner, "/api/v1/communities/" + slug + "/members?city=成都")
                    .andExpect(jsonPath("$.items.length()").value(1));
        });
        api().get(leaver, "/api/v1/communities/" + slug + "/members").andExpect(jsonPath("$.visible").value(false));
    }

    @Test
    void aMembersPageShowsTheFriendsTheyShareWithTheViewer() throws Exception {
        var owner = api().register("共同好友群主");
        var slug = openCommunity(owner, 10);
        var viewer = joined(slug, "看的人", "西安");
        var other = joined(slug, "被看的人", "西安");
        var friend = api().register("共同的朋友");
        for (var pair : List.of(List.of(viewer, friend), List.of(other, friend))) {
            api().put(pair.get(0), "/api/v1/people/" + pair.get(1).id() + "/follow", null).andExpect(status().isNoContent());
            api().put(pair.get(1), "/api/v1/people/" + pair.get(0).id() + "/follow", null).andExpect(status().isNoContent());
        }
        awaitMembers(owner, slug, 3);
        api().get(viewer, "/api/v1/communities/" + slug + "/members/" + other.id()).andExpect(status().isOk())
                .andExpect(jsonPath("$.member.displayName").value("被看的人"))
                .andExpect(jsonPath("$.mutualFriends[0].displayName").value("共同的朋友"));
    }
}
