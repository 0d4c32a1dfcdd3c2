package org.shequn.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@RecordApplicationEvents
class ProfileApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Profiles profiles;
    @Autowired
    ApplicationEvents events;

    Api api() {
        return new Api(mvc);
    }

    static Map<String, Object> fullProfile(String name) {
        return Api.obj("displayName", name, "bio", "做社群运营十年。\n喜欢爬山。", "city", "杭州", "industry", "互联网",
                "company", "阿里巴巴", "position", "产品经理",
                "education", List.of(Api.obj("school", "浙江大学", "degree", "计算机 学士", "startYear", 2008, "endYear", 2012),
                        Api.obj("school", "清华大学", "degree", null, "startYear", null, "endYear", null)),
                "skills", List.of(" 产品设计 ", "数据分析", "产品设计", "", "SQL", "sql"),
                "interests", List.of("徒步", "摄影"));
    }

    @Test
    void savesTheWholeProfileAndReadsItBack() throws Exception {
        var user = api().register("李雷");
        api().put(user, "/api/v1/me/profile", fullProfile("李雷雷")).andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("李雷雷"))
                .andExpect(jsonPath("$.city").value("杭州"))
                .andExpect(jsonPath("$.education.length()").value(2))
                .andExpect(jsonPath("$.education[0].school").value("浙江大学"))
                .andExpect(jsonPath("$.education[0].startYear").value(2008))
                .andExpect(jsonPath("$.education[1].degree").doesNotExist())
                .andExpect(jsonPath("$.skills").value(org.hamcrest.Matchers.contains("产品设计", "数据分析", "SQL")))
                .andExpect(jsonPath("$.realNameVerified").value(false))
                .andExpect(jsonPath("$.positionVerified").value(false));
        api().get(user, "/api/v1/me/profile").andExpect(status().isOk()).andExpect(jsonPath("$.company").value("阿里巴巴"));
        api().get(null, "/api/v1/people/" + user.id()).andExpect(status().isOk())
                .andExpect(jsonPath("$.position").value("产品经理"))
                .andExpect(jsonPath("$.interests[1]").value("摄影"));
        var name = jdbc.sql("select display_name from accounts where id = ?").param(user.id()).query(String.class).single();
        assertThat(name).isEqualTo("李雷雷");
        assertThat(events.stream(ProfileChanged.class)).contains(new ProfileChanged(user.id()));
    }

    @Test
    void showsAnAccountWithoutAProfileAsItsNameAndEmptyFields() throws Exception {
        var user = api().register("空白");
        api().get(null, "/api/v1/people/" + user.id()).andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("空白"))
                .andExpect(jsonPath("$.education.length()").value(0))
                .andExpect(jsonPath("$.skills.length()").value(0))
                .andExpect(jsonPath("$.avatarUrl").doesNotExist());
        assertThat(profiles.find(user.id())).get().extracting(ProfileCard::city).isNull();
    }

    @Test
    void answersAnUnknownPersonWith404() throws Exception {
        api().get(null, "/api/v1/people/999999999").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(profiles.find(999_999_999L)).isEmpty();
    }

    @Test
    void anonymousCallersCannotReadOrEditTheirOwnProfile() throws Exception {
        api().get(null, "/api/v1/me/profile").andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/me/profile")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(Api.JSON.writeValueAsString(fullProfile("x"))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void findsManyCardsAtOnceLeavingOutUnknownAccounts() throws Exception {
        var a = api().register("甲");
        var b = api().register("乙");
        api().put(a, "/api/v1/me/profile", fullProfile("甲")).andExpect(status().isOk());
        var cards = profiles.findAll(List.of(a.id(), b.id(), 999_999_998L));
        assertThat(cards).containsOnlyKeys(a.id(), b.id());
        assertThat(cards.get(a.id()).skills()).containsExactly("产品设计", "数据分析", "SQL");
        assertThat(cards.get(a.id()).schools()).containsExactly("浙江大学", "清华大学");
        assertThat(cards.get(b.id()).displayName()).isEqualTo("乙");
        assertThat(profiles.findAll(List.of())).isEmpty();
    }

    @Test
    void refusesEachBadProfileWith400AndChangesNothing() throws Exception {
        var user = api().register("原样");
        api().put(user, "/api/v1/me/profile", fullProfile("原样")).andExpect(status().isOk());
        var before = Api.body(api().get(user, "/api/v1/me/profile"));

        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("displayName", new Object[] {"displayName", "名".repeat(41)});
        cases.put("blank displayName", new Object[] {"displayName", "  "});
        cases.put("bio", new Object[] {"bio", "字".repeat(501)});
        cases.put("city", new Object[] {"city", "城".repeat(41)});
        cases.put("industry", new Object[] {"industry", "行".repeat(41)});
        cases.put("company", new Object[] {"company", "司".repeat(81)});
        cases.put("position", new Object[] {"position", "职".repeat(61)});
        List<Object> sixRows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sixRows.add(Api.obj("school", "学校" + i));
        }
        cases.put("six education rows", new Object[] {"education", sixRows});
        cases.put("long school", new Object[] {"education", List.of(Api.obj("school", "校".repeat(81)))});
        cases.put("long degree", new Object[] {"education", List.of(Api.obj("school", "浙大", "degree", "学".repeat(41)))});
        cases.put("no school", new Object[] {"education", List.of(Api.obj("degree", "学士"))});
        cases.put("early year", new Object[] {"education", List.of(Api.obj("school", "浙大", "startYear", 1949))});
        cases.put("late year", new Object[] {"education", List.of(Api.obj("school", "浙大", "endYear", 2101))});
        cases.put("end before start", new Object[] {"education", List.of(Api.obj("school", "浙大", "startYear", 2012, "endYear", 2008))});
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("技能" + i);
        }
        cases.put("21 skills", new Object[] {"skills", many});
        cases.put("21 interests", new Object[] {"interests", many});
        cases.put("long skill", new Object[] {"skills", List.of("技".repeat(31))});
        cases.put("education not a list", new Object[] {"education", "x"});
        cases.put("skills not a list", new Object[] {"skills", "x"});
        cases.put("skill not a string", new Object[] {"skills", List.of(Map.of("a", 1))});
        cases.put("year not a number", new Object[] {"education", List.of(Api.obj("school", "浙大", "startYear", "abc"))});
        cases.put("control char in city", new Object[] {"city", "杭州\u0000"});
        cases.put("control char in bio", new Object[] {"bio", "你好\u0007"});
        cases.put("control char in name", new Object[] {"displayName", "名\u001b字"});
        cases.put("control char in company", new Object[] {"company", "公司\u0085"});
        cases.put("control char in skill", new Object[] {"skills", List.of("a\u0008b")});
        cases.put("control char in school", new Object[] {"education", List.of(Api.obj("school", "浙\u0001大"))});

        for (var entry : cases.entrySet()) {
            var body = new LinkedHashMap<>(fullProfile("原样"));
            body.put((String) entry.getValue()[0], entry.getValue()[1]);
            var response = api().put(user, "/api/v1/me/profile", body).andReturn().getResponse();
            assertThat(response.getStatus()).as(entry.getKey()).isEqualTo(400);
            assertThat(Api.read(response.getContentAsString()).get("errors")).as(entry.getKey() + " names the field").isNotNull();
            assertThat(Api.body(api().get(user, "/api/v1/me/profile"))).as(entry.getKey() + " changed nothing").isEqualTo(before);
        }
        var malformed = api().postRaw(user, "/api/v1/me/profile", "{", MediaType.APPLICATION_JSON).andReturn().getResponse();
        assertThat(malformed.getStatus()).isIn(400, 405);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/me/profile")
                        .header("Authorization", user.bearer()).contentType(MediaType.APPLICATION_JSON).content("null"))
                .andExpect(status().isBadRequest());
        assertThat(Api.body(api().get(user, "/api/v1/me/profile"))).isEqualTo(before);
    }

    @Test
    void explainsInvalidFieldsByName() throws Exception {
        var user = api().register("字段");
        var body = new LinkedHashMap<>(fullProfile("字段"));
        body.put("city", "城".repeat(41));
        body.put("education", List.of(Api.obj("school", "浙大", "startYear", 2012, "endYear", 2008)));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/me/profile")
                        .header("Authorization", user.bearer()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(Api.JSON.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'city')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'education[0].yearsInOrder')].message")
                        .value("The end year cannot be before the start year."));
        mvc.perform(get("/api/v1/people/" + user.id())).andExpect(jsonPath("$.city").doesNotExist());
    }
}
