package org.shequn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.TestCommunity;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Answers and reasons with control characters (a NUL, which PostgreSQL cannot store, or a bell), and values of
 * the wrong JSON type: refused with the field named, in the caller's language, and nothing is written.
 */
@IntegrationTest
class HostileInputTests {

    private static final String[] CONTROL = {"坏\u0000字", "响铃\u0007"};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    Api api;
    MembershipFixture fixture;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        fixture = new MembershipFixture(api, jdbc);
    }

    @Test
    void controlCharactersInAnswersAndReasonsAreRefusedOverTheApi() throws Exception {
        var cast = fixture.cast("APPROVAL", "你做什么工作？", "为什么加入？");
        var base = "/api/v1/communities/" + cast.slug();
        var applicant = api.register("申请人");
        for (var bad : CONTROL) {
            api.post(applicant, base + "/applications", Api.obj("answers", List.of("产品经理", bad)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("answers[1]"))
                    .andExpect(jsonPath("$.errors[0].message").value("不能包含控制字符。"));
        }
        mvc.perform(post(base + "/applications").header("Authorization", applicant.bearer()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answers\": [\"ok\", \"bad\\u0000\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("Must not contain control characters."));
        assertThat(applications(cast)).isZero();

        // tabs and line breaks (CRLF as forms send them) are text
        long id = Api.body(api.post(applicant, base + "/applications",
                        Api.obj("answers", List.of("产品\t经理", "第一行\r\n第二行\n第三行"))).andExpect(status().isCreated()))
                .get("id").asLong();
        for (var bad : CONTROL) {
            api.post(cast.admin(), base + "/applications/" + id + "/reject", Api.obj("reason", bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));
            api.put(cast.admin(), base + "/bans/" + cast.member().id(), Api.obj("reason", bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reason"))
                    .andExpect(jsonPath("$.errors[0].message").value("不能包含控制字符。"));
        }
        // a lone carriage return is no line break
        api.put(cast.admin(), base + "/bans/" + cast.member().id(), Api.obj("reason", "刷屏\r"))
                .andExpect(status().isBadRequest());
        assertThat(applicationStatus(id)).isEqualTo("PENDING");
        assertUntouched(cast);
    }

    @Test
    void controlCharactersInAnswersAndReasonsAreRefusedFromThePageForms() throws Exception {
        var cast = fixture.cast("APPROVAL", "你做什么工作？", "为什么加入？");
        var applicant = api.register("网页申请人");
        for (var bad : CONTROL) {
            form(applicant, "/c/" + cast.slug() + "/apply", "answers", "产品经理", "answers", bad)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("answers")))
                    .andExpect(content().string(containsString("不能包含控制字符")));
        }
        assertThat(applications(cast)).isZero();
        long id = Api.body(api.post(applicant, "/api/v1/communities/" + cast.slug() + "/applications",
                Api.obj("answers", List.of("产品经理", "想读书")))).get("id").asLong();
        for (var bad : CONTROL) {
            form(cast.admin(), "/c/" + cast.slug() + "/manage/applications/" + id + "/reject", "reason", bad)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("reason")));
            form(cast.admin(), "/c/" + cast.slug() + "/manage/members/" + cast.member().id() + "/ban", "reason", bad)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("不能包含控制字符")));
        }
        mvc.perform(post("/c/" + cast.slug() + "/manage/members/" + cast.member().id() + "/ban").with(csrf())
                        .header("Authorization", cast.admin().bearer()).header("Accept-Language", "en").param("reason", "x\u0000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Must not contain control characters.")));
        assertThat(applicationStatus(id)).isEqualTo("PENDING");
        assertUntouched(cast);
    }

    @Test
    void aNumberOrAnyOtherNonNameIsNoRole() throws Exception {
        var cast = fixture.cast("OPEN");
        var path = "/api/v1/communities/" + cast.slug() + "/members/" + cast.member().id() + "/role";
        // 1 was ADMIN's position in the enum
        for (var body : new String[] {"{\"role\": 1}", "{\"role\": 2}", "{\"role\": \"1\"}", "{\"role\": 1.0}",
                "{\"role\": [\"ADMIN\"]}", "{\"role\": {\"name\": \"ADMIN\"}}", "{\"role\": true}", "{\"role\": \"admin \"}"}) {
            mvc.perform(put(path).header("Authorization", cast.owner().bearer()).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("role"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("ADMIN")));
        }
        mvc.perform(put(path).header("Authorization", cast.owner().bearer()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("Must be one of:")));
        assertThat(fixture.role(cast.slug(), cast.member().id())).isEqualTo("MEMBER");
        assertThat(fixture.audits(cast.slug(), "ROLE_CHANGED")).isZero();
        // the name still works
        api.put(cast.owner(), path, Api.obj("role", "ADMIN")).andExpect(status().isNoContent());
        assertThat(fixture.role(cast.slug(), cast.member().id())).isEqualTo("ADMIN");
    }

    private ResultActions form(Api.User user, String path, String... fields) throws Exception {
        var request = post(path).with(csrf()).header("Authorization", user.bearer());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(request);
    }

    private int applications(TestCommunity.Cast cast) {
        return jdbc.sql("select count(*) from applications where community_id = ?").param(cast.id()).query(Integer.class).single();
    }

    private String applicationStatus(long id) {
        return jdbc.sql("select status from applications where id = ? and reason is null").param(id)
                .query(String.class).single();
    }

    private void assertUntouched(TestCommunity.Cast cast) {
        assertThat(jdbc.sql("select count(*) from bans where community_id = ?").param(cast.id()).query(Integer.class).single()).isZero();
        assertThat(fixture.role(cast.slug(), cast.member().id())).isEqualTo("MEMBER");
        assertThat(fixture.audits(cast.slug(), "BANNED")).isZero();
        assertThat(fixture.audits(cast.slug(), "REJECTED")).isZero();
    }
}
