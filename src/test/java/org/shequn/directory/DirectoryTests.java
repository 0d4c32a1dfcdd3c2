package org.shequn.directory;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.CommunityFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DirectoryTests {

    @Autowired
    MockMvc mvc;

    @Test
    void ownerAppearsWithProfileTagsThatFollowProfileEdits() throws Exception {
        var api = new Api(mvc);
        var owner = api.register("王群主");
        api.put(owner, "/api/v1/me/profile", Api.obj("displayName", "王群主", "city", "北京", "company", "字节跳动",
                "position", "产品经理", "skills", List.of("Java", "增长"))).andExpect(status().isOk());
        var slug = Api.unique("dir-");
        api.post(owner, "/api/v1/communities", CommunityFixtures.settings(slug)).andExpect(status().isCreated());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api.get(owner, "/api/v1/communities/" + slug + "/members?city=北京&skill=java")
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.items.length()").value(1))
                        .andExpect(jsonPath("$.items[0].role").value("OWNER"))
                        .andExpect(jsonPath("$.items[0].company").value("字节跳动")));
        api.put(owner, "/api/v1/me/profile", Api.obj("displayName", "王群主", "city", "上海")).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api.get(owner, "/api/v1/communities/" + slug + "/members?city=上海")
                        .andExpect(jsonPath("$.items.length()").value(1)));
        api.get(owner, "/api/v1/communities/" + slug + "/members?city=北京").andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void outsidersSeeOnlyTheCountAndTheOwner() throws Exception {
        var api = new Api(mvc);
        var owner = api.register("群主甲");
        var slug = Api.unique("dir-");
        api.post(owner, "/api/v1/communities", CommunityFixtures.settings(slug)).andExpect(status().isCreated());
        var outsider = api.register("路人乙");
        api.get(outsider, "/api/v1/communities/" + slug + "/members").andExpect(status().isOk())
                .andExpect(jsonPath("$.visible").value(false))
                .andExpect(jsonPath("$.memberCount").value(1))
                .andExpect(jsonPath("$.ownerName").value("群主甲"))
                .andExpect(jsonPath("$.items.length()").value(0));
        api.get(null, "/api/v1/communities/" + slug + "/members").andExpect(status().isUnauthorized());
        api.get(outsider, "/api/v1/communities/" + slug + "/members/" + owner.id()).andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/c/" + slug + "/members"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("成员列表只对本社群成员开放")));
    }

    @Test
    void refusesMalformedFilters() throws Exception {
        var api = new Api(mvc);
        var owner = api.register("筛选");
        var slug = Api.unique("dir-");
        api.post(owner, "/api/v1/communities", CommunityFixtures.settings(slug)).andExpect(status().isCreated());
        var base = "/api/v1/communities/" + slug + "/members";
        for (var query : new String[] {"?city=" + "x".repeat(81), "?role=KING", "?verified=yes", "?limit=0",
                "?limit=51", "?limit=abc", "?cursor=%%%", "?q=" + "名".repeat(41)}) {
            api.get(owner, base + query).andExpect(status().isBadRequest());
        }
        api.get(owner, base + "?city=' or 1=1 --").andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(0));
        api.get(owner, "/api/v1/communities/no-such/members").andExpect(status().isNotFound());
        api.get(owner, base + "/abc").andExpect(status().isBadRequest());
    }

    /** API clients learn the filters from the OpenAPI document: each one a query parameter of its own. */
    @Test
    void theOpenApiDocumentListsEveryFilter() throws Exception {
        var parameters = "$.paths['/api/v1/communities/{slug}/members'].get.parameters";
        var result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/openapi.json"))
                .andExpect(status().isOk());
        for (var name : List.of("city", "industry", "company", "position", "school", "skill", "role", "verified", "q",
                "cursor", "limit")) {
            result.andExpect(jsonPath(parameters + "[?(@.name == '" + name + "' && @.in == 'query')]").exists());
        }
        result.andExpect(jsonPath(parameters + "[?(@.name == 'filter')]").doesNotExist());
    }

    /** A filtered page walks one tag's postings: every match once, newest member first, across cursors. */
    @Test
    void pagesThroughEveryMatchOfSeveralFiltersNewestFirst() throws Exception {
        var api = new Api(mvc);
        var owner = api.register("翻页群主");
        var slug = Api.unique("dir-");
        api.post(owner, "/api/v1/communities", CommunityFixtures.settings(slug, "OPEN", 40)).andExpect(status().isCreated());
        var both = new java.util.ArrayList<String>();
        String[][] people = {{"北京", "Java"}, {"北京", "增长"}, {"北京", "Java"}, {"上海", "Java"}, {"北京", "Java"},
                {"北京", "设计"}, {"北京", "Java"}, {"杭州", "Java"}, {"北京", "Java"}};
        for (int i = 0; i < people.length; i++) {
            var name = "翻页成员" + i;
            var member = api.register(name);
            api.put(member, "/api/v1/me/profile", Api.obj("displayName", name, "city", people[i][0],
                    "skills", List.of(people[i][1]))).andExpect(status().isOk());
            api.post(member, "/api/v1/communities/" + slug + "/join", null).andExpect(status().isCreated());
            if (people[i][0].equals("北京") && people[i][1].equals("Java")) {
                both.addFirst(name);
            }
        }
        var base = "/api/v1/communities/" + slug + "/members?city=北京&skill=java&role=member&limit=2";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api.get(owner, "/api/v1/communities/" + slug + "/members?city=北京&limit=50")
                        .andExpect(jsonPath("$.items.length()").value(7)));
        var seen = new java.util.ArrayList<String>();
        String cursor = null;
        do {
            var page = Api.read(api.get(owner, base + (cursor == null ? "" : "&cursor=" + cursor))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            page.get("items").forEach(item -> seen.add(item.get("displayName").asString()));
            cursor = page.hasNonNull("next") ? page.get("next").asString() : null;
        } while (cursor != null && seen.size() < 20);
        org.assertj.core.api.Assertions.assertThat(seen).containsExactlyElementsOf(both);
        api.get(owner, "/api/v1/communities/" + slug + "/members?skill=java&q=成员8").andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].displayName").value("翻页成员8"));
    }
}
