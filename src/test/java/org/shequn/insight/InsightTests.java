package org.shequn.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestCommunity;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * What a merchant learns, through HTTP: sales by community per week, buyers with only the tags they agreed to share,
 * the buyers' profile with groups under five folded into 其他, community fit with its reason, and the owner's mirror.
 */
@IntegrationTest
class InsightTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    InsightFixtures f;
    Api api;

    static final OffsetDateTime WEEK_1 = OffsetDateTime.of(2026, 11, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        f = new InsightFixtures(mvc, api, jdbc);
    }

    /** Members of a community as the directory keeps them (the directory's own tests cover how it is kept). */
    void directory(TestCommunity community, int members, String tag, int withTag) {
        // the owner's own entry arrives from the outbox; wait for it so the counts below are the whole community
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from directory_entries where community_id = ?").param(community.id()).query(Long.class).single() == 1);
        for (int i = 0; i < members - 1; i++) {
            long account = 800_000_000L + community.id() * 1000 + i;
            jdbc.sql("""
                    insert into directory_entries (community_id, account_id, display_name, role, joined_at, real_name_verified,
                        position_verified) values (?, ?, ?, 'MEMBER', ?, false, false)""")
                    .params(community.id(), account, "成员" + i, WEEK_1).update();
            if (i < withTag) {
                jdbc.sql("insert into directory_tags (community_id, tag, account_id, joined_at) values (?, ?, ?, ?)")
                        .params(community.id(), tag, account, WEEK_1).update();
            }
        }
    }

    record Sold(InsightFixtures.Scene scene, List<Api.User> hidden) {
    }

    /** 6 product managers in 上海 (复旦大学) and 4 designers in 杭州 who share; 2 in 成都 who do not. */
    Sold sold() throws Exception {
        var s = f.scene("产品经理训练营");
        var c = s.community();
        for (int i = 0; i < 6; i++) {
            f.bought(f.buyer(c, "产品" + i, "产品经理", "上海", "复旦大学"), s, true, WEEK_1.plusDays(i % 2));
        }
        for (int i = 0; i < 4; i++) {
            f.bought(f.buyer(c, "设计" + i, "设计师", "杭州", null), s, true, WEEK_1.plusWeeks(2));
        }
        var hidden = new ArrayList<Api.User>();
        for (int i = 0; i < 2; i++) {
            var quiet = f.buyer(c, "保密" + i, "产品经理", "成都", "四川大学");
            f.bought(quiet, s, false, WEEK_1.plusWeeks(2));
            hidden.add(quiet);
        }
        return new Sold(s, hidden);
    }

    String page(Api.User user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).header("Authorization", user.bearer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }

    JsonNode facet(JsonNode insight, String kind) {
        for (var facet : insight.get("profile")) {
            if (facet.get("kind").asString().equals(kind)) {
                return facet;
            }
        }
        throw new AssertionError(kind);
    }

    @Test
    void theMerchantSeesSalesPerCommunityPerWeekTheBuyersAndTheirProfileWithSmallGroupsFolded() throws Exception {
        var sold = sold();
        var s = sold.scene();
        var insight = f.json(api.get(s.merchant(), "/api/v1/shops/mine/products/" + s.productId() + "/insight")
                .andExpect(status().isOk()));
        assertThat(insight.get("orders").asLong()).isEqualTo(12);
        assertThat(insight.get("buyers").asLong()).isEqualTo(12);
        assertThat(insight.get("sharing").asLong()).isEqualTo(10);
        // three weeks from the first sale to the last, the empty one included
        var weeks = insight.get("weekly").get("weeks");
        assertThat(weeks).hasSize(3);
        assertThat(weeks.get(0).get("start").asString()).isEqualTo("2026-11-02");
        assertThat(weeks.get(0).get("cells").get(0).get("orders").asLong()).isEqualTo(6);
        assertThat(weeks.get(1).get("cells").get(0).get("orders").asLong()).isZero();
        assertThat(weeks.get(2).get("cells").get(0).get("orders").asLong()).isEqualTo(6);

        // the profile: 6 product managers shown, the 4 designers (and their city 杭州) only as 其他
        var profile = insight.get("profile").toString();
        assertThat(profile).contains("产品经理", "上海", "复旦大学").doesNotContain("设计师", "杭州", "成都", "四川大学");
        var city = facet(insight, "city").get("groups");
        assertThat(city).hasSize(2);
        assertThat(city.get(0).get("label").asString()).isEqualTo("上海");
        assertThat(city.get(0).get("percent").asInt()).isEqualTo(60);
        assertThat(absent(city.get(1), "value")).isTrue();
        assertThat(city.get(1).get("buyers").asLong()).isEqualTo(4);

        // buyers: everyone by name; tags only from those who agreed
        var buyers = insight.get("buyerList");
        assertThat(buyers).hasSize(12);
        for (var b : buyers) {
            if (b.get("name").asString().startsWith("保密")) {
                assertThat(b.get("shares").asBoolean()).isFalse();
                assertThat(absent(b, "city")).isTrue();
                assertThat(absent(b, "position")).isTrue();
            }
        }
        assertThat(insight.toString()).doesNotContain("成都", "四川大学");

        // the page: the same, with 未公开 for those who did not share
        var page = page(s.merchant(), "/shop/products/" + s.productId() + "/insight");
        assertThat(page).contains("未公开", "保密0", "产品经理", "/webjars/echarts/dist/echarts.min.js", "其他").doesNotContain("成都");
        var profileSection = page.substring(page.indexOf("买家画像"), page.indexOf("适合的社群"));
        assertThat(profileSection).doesNotContain("杭州", "设计师");

        f.json(api.get(s.merchant(), "/api/v1/shops/mine/insight").andExpect(status().isOk())
                .andExpect(jsonPath("$.orders").value(12)).andExpect(jsonPath("$.productId").doesNotExist()));
    }

    @Test
    void communitiesRankByHowTheirMembersMatchTheBuyersWithTheReason() throws Exception {
        var sold = sold();
        var s = sold.scene();
        var fitting = TestCommunity.create(api, jdbc, "pm-");
        directory(fitting, 10, "position:产品经理", 5);
        var designers = TestCommunity.create(api, jdbc, "design-");
        directory(designers, 10, "position:设计师", 9);
        var unlisted = TestCommunity.create(api, jdbc, "hidden-");
        directory(unlisted, 10, "position:产品经理", 10);
        jdbc.sql("update communities set visibility = 'UNLISTED' where id = ?").param(unlisted.id()).update();

        var fit = f.json(api.get(s.merchant(), "/api/v1/shops/mine/products/" + s.productId() + "/insight")
                .andExpect(status().isOk())).get("fit");
        var slugs = new ArrayList<String>();
        fit.forEach(c -> slugs.add(c.get("slug").asString()));
        assertThat(slugs).contains(fitting.slug()).doesNotContain(designers.slug(), unlisted.slug());
        var mine = fit.get(slugs.indexOf(fitting.slug()));
        assertThat(mine.get("reason").get("kind").asString()).isEqualTo("position");
        assertThat(mine.get("reason").get("buyerPercent").asInt()).isEqualTo(60);
        assertThat(mine.get("reason").get("memberPercent").asInt()).isEqualTo(50);

        var page = page(s.merchant(), "/shop/insight");
        assertThat(page).contains("60% 的买家是产品经理；该社群 50% 是产品经理");

        // the mirror: the fitting community's owner sees the product, with the reason, and can add it to the store
        var matches = f.json(api.get(fitting.owner(), fitting.base() + "/product-matches").andExpect(status().isOk()));
        JsonNode match = null;
        for (var m : matches) {
            if (m.get("productId").asLong() == s.productId()) {
                match = m;
            }
        }
        assertThat(match).isNotNull();
        assertThat(match.get("inStore").asBoolean()).isFalse();
        assertThat(match.get("reason").get("memberPercent").asInt()).isEqualTo(50);
        var member = fitting.seat("普通成员", "MEMBER");
        api.get(member, fitting.base() + "/product-matches").andExpect(status().isForbidden());

        assertThat(page(fitting.owner(), "/c/" + fitting.slug() + "/manage/matches")).contains("产品经理训练营", "60% 的买家是产品经理；本群 50% 是产品经理", "加入本群小店");
        mvc.perform(MockMvcRequestBuilders.post("/c/" + fitting.slug() + "/store").with(SecurityMockMvcRequestPostProcessors.csrf())
                .header("Authorization", fitting.owner().bearer()).param("productId", String.valueOf(s.productId()))
                .param("recommendation", "适合我们")).andExpect(status().is3xxRedirection());
        assertThat(f.json(api.get(fitting.owner(), fitting.base() + "/product-matches")).toString()).contains("\"inStore\":true");
    }

    @Test
    void onlyTheShopsMerchantSeesItsInsight() throws Exception {
        var s = f.scene("课程");
        var other = f.verified("别家商家");
        api.post(other, "/api/v1/shops", Api.obj("name", Api.unique("别家"), "description", "别家的店。",
                "contact", "微信", "settlement", "银行")).andExpect(status().isCreated());
        api.get(other, "/api/v1/shops/mine/products/" + s.productId() + "/insight").andExpect(status().isNotFound());
        var nobody = api.register("路人");
        api.get(nobody, "/api/v1/shops/mine/insight").andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/shops/mine/insight")
                .accept(org.springframework.http.MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
        mvc.perform(MockMvcRequestBuilders.get("/shop/products/" + s.productId() + "/insight").header("Authorization", other.bearer()))
                .andExpect(status().isNotFound());
        // the chart library comes from its webjar, on this server
        mvc.perform(MockMvcRequestBuilders.get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
        api.get(s.merchant(), "/api/v1/shops/mine/insight").andExpect(status().isOk())
                .andExpect(jsonPath("$.orders").value(0)).andExpect(jsonPath("$.fit").isEmpty());
    }
}
