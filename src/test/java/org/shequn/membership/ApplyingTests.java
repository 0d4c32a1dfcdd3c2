package org.shequn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestCommunity;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ApplyingTests {

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

    String base(TestCommunity.Cast cast) {
        return "/api/v1/communities/" + cast.slug();
    }

    long apply(TestCommunity.Cast cast, Api.User who, String... answers) throws Exception {
        return Api.body(api.post(who, base(cast) + "/applications", Api.obj("answers", List.of(answers)))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    @Test
    void applicantIsApprovedAndToldSo() throws Exception {
        var cast = fixture.cast("APPROVAL", "你做什么工作？", "为什么加入？");
        var applicant = api.register("申请人");
        long id = apply(cast, applicant, "产品经理", "想多读书");
        api.post(applicant, base(cast) + "/applications", Api.obj("answers", List.of("a", "b")))
                .andExpect(status().isConflict());
        api.get(cast.admin(), base(cast) + "/applications?status=PENDING").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].applicantName").value("申请人"))
                .andExpect(jsonPath("$.items[0].answers[1].question").value("为什么加入？"))
                .andExpect(jsonPath("$.items[0].answers[1].answer").value("想多读书"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api.get(cast.owner(), "/api/v1/me/notifications")
                        .andExpect(jsonPath("$.items[0].kind").value("APPLICATION_SUBMITTED"))
                        .andExpect(jsonPath("$.items[0].text").value(containsString("申请人"))));
        api.get(applicant, "/api/v1/me/communities").andExpect(jsonPath("$.pendingApplications[0].id").value(id));
        api.post(cast.admin(), base(cast) + "/applications/" + id + "/approve", null).andExpect(status().isNoContent());
        api.post(cast.admin(), base(cast) + "/applications/" + id + "/approve", null).andExpect(status().isConflict());
        assertThat(fixture.role(cast.slug(), applicant.id())).isEqualTo("MEMBER");
        assertThat(fixture.audits(cast.slug(), "APPROVED")).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api.get(applicant, "/api/v1/me/notifications")
                        .andExpect(jsonPath("$.items[0].kind").value("APPLICATION_APPROVED")));
    }

    @Test
    void rejectionNeedsAReasonThatTheApplicantSees() throws Exception {
        var cast = fixture.cast("APPROVAL", "为什么加入？");
        var applicant = new WebSession(mvc);
        applicant.register("网页申请人");
        applicant.get("/c/" + cast.slug() + "/apply").andExpect(status().isOk())
                .andExpect(content().string(containsString("为什么加入？")))
                .andExpect(content().string(containsString("友善交流")));
        applicant.form("/c/" + cast.slug() + "/apply", "answers", "因为, 喜欢读书").andExpect(status().is3xxRedirection());
        var row = jdbc.sql("select a.id, x.answer from applications a join application_answers x on x.application_id = a.id where a.community_id = ?")
                .param(cast.id()).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).single();
        assertThat(row.getValue()).isEqualTo("因为, 喜欢读书");
        applicant.get("/c/" + cast.slug() + "/apply").andExpect(content().string(containsString("等待审核")));
        var reject = base(cast) + "/applications/" + row.getKey() + "/reject";
        api.post(cast.owner(), reject, Api.obj("reason", " ")).andExpect(status().isBadRequest());
        api.post(cast.owner(), reject, null).andExpect(status().isBadRequest());
        api.post(cast.owner(), reject, Api.obj("reason", "理".repeat(501))).andExpect(status().isBadRequest());
        api.post(cast.owner(), reject, Api.obj("reason", "<script>alert(1)</script>先读完群规"))
                .andExpect(status().isNoContent());
        applicant.get("/c/" + cast.slug() + "/apply").andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;先读完群规")))
                .andExpect(content().string(not(containsString("<script>alert"))));
        assertThat(fixture.role(cast.slug(), 0)).isNull();
    }

    @Test
    void applicantWithdrawsAPendingApplication() throws Exception {
        var cast = fixture.cast("APPROVAL");
        var applicant = api.register("反悔");
        apply(cast, applicant);
        api.delete(applicant, base(cast) + "/applications/mine").andExpect(status().isNoContent());
        api.delete(applicant, base(cast) + "/applications/mine").andExpect(status().isNotFound());
        assertThat(fixture.audits(cast.slug(), "WITHDRAWN")).isEqualTo(1);
        apply(cast, applicant);
    }

    @Test
    void refusesBadAnswersAndWritesNothing() throws Exception {
        var cast = fixture.cast("APPROVAL", "问题一", "问题二");
        var applicant = api.register("乱填");
        int before = fixture.rows("applications");
        List<Object> bodies = List.of(Api.obj("answers", List.of("只答一个")), Api.obj("answers", List.of("a", " ")),
                Api.obj("answers", List.of("a", "长".repeat(1001))), Api.obj(), Api.obj("answers", List.of("1", "2", "3")));
        for (var body : bodies) {
            api.post(applicant, base(cast) + "/applications", body).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(containsString("answers")));
        }
        api.postRaw(applicant, base(cast) + "/applications", "{\"answers\": \"not-a-list\"}", MediaType.APPLICATION_JSON)
                .andExpect(status().isBadRequest());
        api.postRaw(applicant, base(cast) + "/applications", "{", MediaType.APPLICATION_JSON).andExpect(status().isBadRequest());
        api.post(applicant, "/api/v1/communities/" + Api.unique("nope-") + "/applications", Api.obj("answers", List.of()))
                .andExpect(status().isNotFound());
        api.post(cast.owner(), base(cast) + "/applications/abc/approve", null).andExpect(status().isBadRequest());
        api.post(cast.owner(), base(cast) + "/applications/999999999/approve", null).andExpect(status().isNotFound());
        api.get(cast.owner(), base(cast) + "/applications?status=NONSENSE").andExpect(status().isBadRequest());
        assertThat(fixture.rows("applications")).isEqualTo(before);
    }

    @Test
    void approvalRechecksTheCapAndTheBan() throws Exception {
        var settings = MembershipFixture.settings(Api.unique("cap-"), "APPROVAL", 2, List.of());
        var owner = api.register("群主");
        var slug = fixture.community(owner, settings);
        var cast = new TestCommunity.Cast(slug, fixture.idOf(slug), owner, null, null, null, null);
        var first = api.register("一");
        var second = api.register("二");
        long a = apply(cast, first);
        long b = apply(cast, second);
        api.post(owner, base(cast) + "/applications/" + a + "/approve", null).andExpect(status().isNoContent());
        api.post(owner, base(cast) + "/applications/" + b + "/approve", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("社群已满员（2/2），暂时无法加入。"));
        api.post(api.register("三"), base(cast) + "/applications", Api.obj("answers", List.of()))
                .andExpect(status().isConflict());
        assertThat(fixture.members(slug)).isEqualTo(2);
    }

    @Test
    void onlyOwnerAndAdminsDecideApplications() throws Exception {
        var cast = fixture.cast("APPROVAL");
        var applicant = api.register("申请人");
        long id = apply(cast, applicant);
        for (var who : new Api.User[] {cast.core(), cast.member(), cast.outsider(), applicant}) {
            api.post(who, base(cast) + "/applications/" + id + "/approve", null).andExpect(status().isForbidden());
            api.post(who, base(cast) + "/applications/" + id + "/reject", Api.obj("reason", "不合适")).andExpect(status().isForbidden());
            api.get(who, base(cast) + "/applications").andExpect(status().isForbidden());
        }
        api.post(null, base(cast) + "/applications/" + id + "/approve", null).andExpect(status().isUnauthorized());
        api.get(null, base(cast) + "/applications").andExpect(status().isUnauthorized());
        api.get(cast.owner(), base(cast) + "/applications").andExpect(status().isOk());
        api.post(cast.owner(), base(cast) + "/applications/" + id + "/reject", Api.obj("reason", "不合适"))
                .andExpect(status().isNoContent());
        long again = apply(cast, applicant);
        api.post(cast.admin(), base(cast) + "/applications/" + again + "/approve", null).andExpect(status().isNoContent());
    }

    @Test
    void managePageEscapesAnswersAndNeedsARunner() throws Exception {
        var cast = fixture.cast("APPROVAL", "自我介绍");
        var applicant = api.register("<b>坏人</b>");
        api.put(applicant, "/api/v1/me/profile", Api.obj("displayName", "<b>坏人</b>", "city", "杭州", "company", "阿里巴巴",
                "position", "产品经理")).andExpect(status().isOk());
        apply(cast, applicant, "<script>alert('x')</script>");
        var owner = new WebSession(mvc);
        var email = owner.register("网页群主");
        long ownerId = jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
        org.shequn.Members.add(jdbc, cast.id(), ownerId, "ADMIN");
        owner.get("/c/" + cast.slug() + "/manage").andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(")))
                .andExpect(content().string(containsString("&lt;b&gt;坏人&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                // who asks: their face, work and city, and a way to their profile
                .andExpect(content().string(containsString("产品经理 @ 阿里巴巴 · 杭州")))
                .andExpect(content().string(containsString("href=\"/people/" + applicant.id() + "\"")))
                .andExpect(content().string(containsString("class=\"avatar  hue-")));
        long id = jdbc.sql("select id from applications where community_id = ?").param(cast.id()).query(Long.class).single();
        owner.form("/c/" + cast.slug() + "/manage/applications/" + id + "/reject", "reason", "")
                .andExpect(status().isBadRequest());
        owner.form("/c/" + cast.slug() + "/manage/applications/" + id + "/approve").andExpect(status().is3xxRedirection());
        assertThat(fixture.role(cast.slug(), applicant.id())).isEqualTo("MEMBER");
        // the next page says what was done, and to whom (the name escaped like any text); once
        owner.get("/c/" + cast.slug() + "/manage").andExpect(status().isOk())
                .andExpect(content().string(containsString("已通过 &lt;b&gt;坏人&lt;/b&gt; 的申请")));
        owner.get("/c/" + cast.slug() + "/manage").andExpect(content().string(not(containsString("已通过"))));
        var stranger = new WebSession(mvc);
        stranger.register("路人");
        stranger.get("/c/" + cast.slug() + "/manage").andExpect(status().isForbidden());
        stranger.get("/c/" + cast.slug() + "/manage/audit").andExpect(status().isForbidden());
        owner.get("/c/" + cast.slug() + "/manage/audit").andExpect(status().isOk())
                .andExpect(content().string(containsString("网页群主")));
        new WebSession(mvc).get("/c/" + cast.slug() + "/manage").andExpect(status().is3xxRedirection());
    }
}
