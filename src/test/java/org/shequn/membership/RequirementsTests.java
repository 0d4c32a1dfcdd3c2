package org.shequn.membership;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Verified real name / position required: checked through the profile module's real review flow. */
@IntegrationTest
@TestPropertySource(properties = "shequn.operators=" + RequirementsTests.OPERATOR_EMAIL)
class RequirementsTests {

    // the same operator as the profile tests, so both share one application context
    static final String OPERATOR_EMAIL = "profile-review-operator@example.com";

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

    Api.User operator() throws Exception {
        return new Api(mvc).operator(OPERATOR_EMAIL, "运营");
    }

    void verifyRealName(Api.User user) throws Exception {
        long id = Api.body(api.post(user, "/api/v1/me/verifications",
                        Api.obj("kind", "REAL_NAME", "evidence", "身份证后四位 1234", "realName", "李四"))
                .andExpect(status().isCreated())).get("id").asLong();
        api.post(operator(), "/api/v1/operator/verifications/" + id + "/approve", null).andExpect(status().isOk());
    }

    String realNameCommunity(String policy, int cap) throws Exception {
        var settings = MembershipFixture.settings(Api.unique("real-"), policy, cap, List.of());
        settings.put("requiresRealName", true);
        return fixture.community(api.register("群主"), settings);
    }

    @Test
    void refusesUnverifiedPeopleAndAdmitsThemOnceVerified() throws Exception {
        var slug = realNameCommunity("OPEN", 40);
        var person = api.register("未认证");
        api.post(person, "/api/v1/communities/" + slug + "/join", null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("实名认证")))
                .andExpect(jsonPath("$.detail").value(containsString("/verifications")));
        verifyRealName(person);
        api.post(person, "/api/v1/communities/" + slug + "/join", null).andExpect(status().isCreated());
    }

    @Test
    void positionRequirementIsNamedInEnglishToo() throws Exception {
        var settings = MembershipFixture.settings(Api.unique("pos-"), "APPROVAL", 40, List.of());
        settings.put("requiresPosition", true);
        var slug = fixture.community(api.register("群主"), settings);
        var browser = new WebSession(mvc).english();
        browser.register("no position");
        browser.form("/c/" + slug + "/apply").andExpect(status().isForbidden())
                .andExpect(content().string(containsString("requires a verified position")))
                .andExpect(content().string(containsString("href=\"/verifications\"")));
    }

    @Test
    void invitationCodesDoNotBypassVerification() throws Exception {
        var owner = api.register("群主");
        var settings = MembershipFixture.settings(Api.unique("realinv-"), "INVITATION", 40, List.of());
        settings.put("requiresRealName", true);
        var slug = fixture.community(owner, settings);
        var code = Api.body(api.post(owner, "/api/v1/communities/" + slug + "/invitations", Api.obj())
                .andExpect(status().isCreated())).get("code").asString();
        api.post(api.register("没认证"), "/api/v1/communities/" + slug + "/join", Api.obj("code", code))
                .andExpect(status().isForbidden());
    }
}
