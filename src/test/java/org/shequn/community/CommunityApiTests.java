package org.shequn.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestCommunity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CommunityApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    Api api;
    Api.User owner;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        owner = api.register("群主");
    }

    static Map<String, Object> settings(String slug) {
        return org.shequn.CommunityFixtures.settings(slug);
    }

    long create(String slug) throws Exception {
        return Api.body(api.post(owner, "/api/v1/communities", settings(slug)).andExpect(status().isCreated()))
                .get("id").asLong();
    }

    /** The community {@link #create} made, for seating people in it. */
    TestCommunity created(String slug) throws Exception {
        return new TestCommunity(api, jdbc, slug, create(slug), owner);
    }

    @Test
    void createsACommunityWithTheCreatorAsItsOwnerAndOnlyMember() throws Exception {
        var slug = Api.unique("club-");
        api.post(owner, "/api/v1/communities", settings(slug))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.slug").value(slug))
                .andExpect(jsonPath("$.themes[0]").value("产品经理"))
                .andExpect(jsonPath("$.questions.length()").value(2))
                .andExpect(jsonPath("$.memberCount").value(1))
                .andExpect(jsonPath("$.memberCap").value(40))
                .andExpect(jsonPath("$.viewerRole").value("OWNER"))
                .andExpect(jsonPath("$.ownerName").value("群主"));
        api.get(null, "/api/v1/communities/" + slug).andExpect(status().isOk())
                .andExpect(jsonPath("$.viewerRole").doesNotExist())
                .andExpect(jsonPath("$.rulesHtml").value(org.hamcrest.Matchers.containsString("<li>友善交流</li>")));
    }

    @Test
    void refusesATakenSlugWhateverItsCase() throws Exception {
        var slug = Api.unique("taken-");
        create(slug);
        var other = api.register("另一个人");
        api.post(other, "/api/v1/communities", settings(slug.toUpperCase()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("slug"));
    }

    @Test
    void refusesBadSettingsAndWritesNothing() throws Exception {
        var before = countCommunities();
        var slug = Api.unique("bad-");
        List<Map<String, Object>> hostile = List.of(
                with(settings(slug), "name", ""),
                with(settings(slug), "name", "名".repeat(61)),
                with(settings(slug), "slug", "a"),
                with(settings(slug), "slug", "has space"),
                with(settings(slug), "slug", "-dash"),
                with(settings(slug), "slug", "x'; drop table communities; --"),
                with(settings(slug), "slug", "<script>"),
                with(settings(slug), "slug", "new"),
                with(settings(slug), "memberCap", 1),
                with(settings(slug), "memberCap", 100_001),
                with(settings(slug), "memberCap", null),
                with(settings(slug), "entryPolicy", null),
                with(settings(slug), "visibility", null),
                with(settings(slug), "description", "x".repeat(2001)),
                with(settings(slug), "rules", "x".repeat(20001)),
                with(settings(slug), "themes", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")),
                with(settings(slug), "themes", List.of("x".repeat(31))),
                with(settings(slug), "questions", List.of("1", "2", "3", "4", "5", "6")),
                with(settings(slug), "questions", List.of("q".repeat(201))),
                with(settings(slug), "name", "bell\u0007"),
                with(settings(slug), "entryFeeMinor", 9900));
        for (var body : hostile) {
            api.post(owner, "/api/v1/communities", body)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").exists());
        }
        for (var raw : new String[] {"{", "[]", "{\"memberCap\": \"forty\"}", "{\"entryPolicy\": \"PAID\"}",
                "{\"themes\": \"not-a-list\"}", "{\"requiresRealName\": \"maybe\"}"}) {
            api.postRaw(owner, "/api/v1/communities", raw, MediaType.APPLICATION_JSON).andExpect(status().isBadRequest());
        }
        api.postRaw(owner, "/api/v1/communities", "name=x", MediaType.APPLICATION_FORM_URLENCODED)
                .andExpect(status().isUnsupportedMediaType());
        assertThat(countCommunities()).isEqualTo(before);
    }

    @Test
    void valuesOfTheWrongJsonTypeAreRefusedWithTheirFieldNotCoerced() throws Exception {
        var owner = api.register("类型");
        var slug = Api.unique("types-");
        long before = countCommunities();
        Object[][] table = {
                {"memberCap", "40", "memberCap", "须为数字。"},
                {"memberCap", 40.5, "memberCap", "须为数字。"},
                {"requiresRealName", 1, "requiresRealName", "须为 true 或 false。"},
                {"requiresRealName", "false", "requiresRealName", "须为 true 或 false。"},
                {"name", 123, "name", "须为文本（字符串）。"},
                {"name", List.of("产品"), "name", "须为文本（字符串）。"},
                {"themes", List.of("读书", 7), "themes[1]", "须为文本（字符串）。"},
                {"themes", "读书", "themes", "须为列表。"},
                {"visibility", 0, "visibility", "须为以下之一："},
                {"entryPolicy", "open", "entryPolicy", "须为以下之一："},
        };
        for (var row : table) {
            api.post(owner, "/api/v1/communities", with(settings(slug), (String) row[0], row[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value((String) row[2]))
                    .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith((String) row[3])));
        }
        assertThat(countCommunities()).isEqualTo(before);
        api.post(owner, "/api/v1/communities", settings(slug)).andExpect(status().isCreated());
    }

    @Test
    void onlyTheOwnerChangesSettingsArchivesOrTransfers() throws Exception {
        var slug = Api.unique("matrix-");
        var cast = created(slug).cast();
        var changed = with(settings(slug), "name", "改过的名字");
        for (var who : List.of(cast.admin(), cast.core(), cast.member(), cast.outsider())) {
            api.put(who, "/api/v1/communities/" + slug, changed).andExpect(status().isForbidden());
            api.post(who, "/api/v1/communities/" + slug + "/archive", null).andExpect(status().isForbidden());
            api.post(who, "/api/v1/communities/" + slug + "/transfer", Api.obj("newOwnerId", who.id()))
                    .andExpect(status().isForbidden());
        }
        api.put(null, "/api/v1/communities/" + slug, changed).andExpect(status().isUnauthorized());
        api.post(null, "/api/v1/communities/" + slug + "/archive", null).andExpect(status().isUnauthorized());
        api.post(null, "/api/v1/communities", settings(Api.unique("anon-"))).andExpect(status().isUnauthorized());
        api.get(null, "/api/v1/communities/" + slug).andExpect(jsonPath("$.name").value("产品经理读书会"));
        api.put(owner, "/api/v1/communities/" + slug, changed).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("改过的名字"));
    }

    @Test
    void refusesACapBelowTheCurrentMemberCount() throws Exception {
        var slug = Api.unique("cap-");
        var community = created(slug);
        community.seat("a", "MEMBER");
        community.seat("b", "MEMBER");
        api.put(owner, "/api/v1/communities/" + slug, with(settings(slug), "memberCap", 2))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("memberCap"));
        api.put(owner, "/api/v1/communities/" + slug, with(settings(slug), "memberCap", 3)).andExpect(status().isOk());
    }

    @Test
    void archivedCommunitiesAreReadOnlyUntilRestored() throws Exception {
        var slug = Api.unique("arch-");
        create(slug);
        api.post(owner, "/api/v1/communities/" + slug + "/archive", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(true));
        api.put(owner, "/api/v1/communities/" + slug, settings(slug)).andExpect(status().isConflict());
        api.get(null, "/api/v1/communities?q=" + slug).andExpect(jsonPath("$.items.length()").value(0));
        api.post(owner, "/api/v1/communities/" + slug + "/restore", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(false));
        api.put(owner, "/api/v1/communities/" + slug, settings(slug)).andExpect(status().isOk());
    }

    @Test
    void transfersOwnershipOnlyToAMemberAndTheOldOwnerBecomesAdmin() throws Exception {
        var slug = Api.unique("xfer-");
        var community = created(slug);
        var outsider = api.register("路人");
        api.post(owner, "/api/v1/communities/" + slug + "/transfer", Api.obj("newOwnerId", outsider.id()))
                .andExpect(status().isBadRequest());
        var member = community.seat("接班人", "MEMBER");
        api.post(owner, "/api/v1/communities/" + slug + "/transfer", Api.obj("newOwnerId", member.id()))
                .andExpect(status().isOk());
        api.get(member, "/api/v1/communities/" + slug).andExpect(jsonPath("$.viewerRole").value("OWNER"))
                .andExpect(jsonPath("$.ownerId").value(member.id()));
        api.get(owner, "/api/v1/communities/" + slug).andExpect(jsonPath("$.viewerRole").value("ADMIN"));
        api.put(owner, "/api/v1/communities/" + slug, settings(slug)).andExpect(status().isForbidden());
        var audit = jdbc.sql("select count(*) from membership_audit where community_id = ? and action = 'OWNERSHIP_TRANSFERRED'")
                .param(community.id()).query(Integer.class).single();
        assertThat(audit).isEqualTo(1);
    }

    @Test
    void discoveryListsPublicCommunitiesByThemeAndName() throws Exception {
        var theme = Api.unique("同好");
        var slugPublic = Api.unique("pub-");
        var slugUnlisted = Api.unique("unl-");
        api.post(owner, "/api/v1/communities", with(with(settings(slugPublic), "themes", List.of(theme)), "name", "跑步社群 " + slugPublic))
                .andExpect(status().isCreated());
        api.post(owner, "/api/v1/communities", with(with(with(settings(slugUnlisted), "themes", List.of(theme)), "visibility", "UNLISTED"), "name", "隐藏社群"))
                .andExpect(status().isCreated());
        api.get(null, "/api/v1/communities?theme=" + theme).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].slug").value(slugPublic));
        api.get(null, "/api/v1/communities?q=" + slugPublic).andExpect(jsonPath("$.items[0].slug").value(slugPublic));
        api.get(null, "/api/v1/communities/" + slugUnlisted).andExpect(status().isOk());
        api.get(null, "/api/v1/communities?q=%25").andExpect(status().isOk());
        api.get(null, "/api/v1/communities?cursor=garbage!").andExpect(status().isBadRequest());
    }

    @Test
    void unknownCommunitiesAre404() throws Exception {
        api.get(null, "/api/v1/communities/no-such-community").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        api.get(null, "/api/v1/communities/" + "x".repeat(300)).andExpect(status().isNotFound());
    }

    long countCommunities() {
        return jdbc.sql("select count(*) from communities").query(Long.class).single();
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        var copy = new java.util.LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
