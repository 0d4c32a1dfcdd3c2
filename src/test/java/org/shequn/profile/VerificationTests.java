package org.shequn.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
@RecordApplicationEvents
@TestPropertySource(properties = "shequn.operators=" + VerificationTests.OPERATOR_EMAIL)
class VerificationTests {

    static final String OPERATOR_EMAIL = "profile-review-operator@example.com";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api() {
        return new Api(mvc);
    }

    /** The configured operator: registered once per database, then a fresh token each time. */
    Api.User operator() throws Exception {
        return new Api(mvc).operator(OPERATOR_EMAIL, "运营");
    }

    Api.User memberWithPosition(String name) throws Exception {
        var user = api().register(name);
        api().put(user, "/api/v1/me/profile", Api.obj("displayName", name, "company", "腾讯", "position", "工程师"))
                .andExpect(status().isOk());
        return user;
    }

    ResultActions requestWithFile(Api.User user, String kind, byte[] file, String filename) throws Exception {
        var request = multipart("/api/v1/me/verifications").param("kind", kind).param("evidence", "工牌照片")
                .param("realName", "张三丰");
        if (file != null) {
            request.file(new MockMultipartFile("file", filename, "application/octet-stream", file));
        }
        if (user != null) {
            request.header("Authorization", user.bearer());
        } else {
            request.with(csrf());
        }
        return mvc.perform(request);
    }

    long requestRealName(Api.User user) throws Exception {
        return Api.body(api().post(user, "/api/v1/me/verifications",
                        Api.obj("kind", "REAL_NAME", "evidence", "身份证后四位 1234", "realName", "李四"))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    @Test
    void approvingARealNameRequestShowsTheBadge() throws Exception {
        var member = api().register("待认证");
        var op = operator();
        var created = api().post(member, "/api/v1/me/verifications",
                        Api.obj("kind", "REAL_NAME", "evidence", "身份证后四位 1234", "realName", "李四"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/v1/verifications/")))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.realName").value("李四"));
        long id = Api.body(created).get("id").asLong();
        api().get(null, "/api/v1/people/" + member.id()).andExpect(jsonPath("$.realNameVerified").value(false));
        api().get(op, "/api/v1/operator/verifications?status=PENDING").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].realName").value("李四"));
        api().post(op, "/api/v1/operator/verifications/" + id + "/approve", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        api().get(null, "/api/v1/people/" + member.id()).andExpect(jsonPath("$.realNameVerified").value(true))
                .andExpect(jsonPath("$.positionVerified").value(false))
                .andExpect(content().string(Matchers.not(Matchers.containsString("李四"))));
        mvc.perform(get("/people/" + member.id())).andExpect(content().string(Matchers.allOf(
                Matchers.containsString("<span class=\"badge verified\""), Matchers.containsString("实名</span>"),
                Matchers.not(Matchers.containsString("李四")))));
        assertThat(events.stream(VerificationDecided.class))
                .contains(new VerificationDecided(id, member.id(), VerificationKind.REAL_NAME, true, null));
        assertThat(events.stream(ProfileChanged.class)).contains(new ProfileChanged(member.id()));
        api().post(op, "/api/v1/operator/verifications/" + id + "/approve", null).andExpect(status().isConflict());
    }

    @Test
    void rejectingKeepsTheBadgeOffAndRecordsTheReason() throws Exception {
        var member = memberWithPosition("被驳回");
        var op = operator();
        long id = Api.body(api().post(member, "/api/v1/me/verifications", Api.obj("kind", "POSITION", "evidence", "名片"))
                .andExpect(status().isCreated())).get("id").asLong();
        api().post(op, "/api/v1/operator/verifications/" + id + "/reject", Api.obj("reason", " ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api().post(op, "/api/v1/operator/verifications/" + id + "/reject", Api.obj("reason", "理".repeat(501)))
                .andExpect(status().isBadRequest());
        api().post(op, "/api/v1/operator/verifications/" + id + "/reject", Api.obj("reason", "名片看不清"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
        api().get(member, "/api/v1/me/verifications").andExpect(jsonPath("$[0].status").value("REJECTED"))
                .andExpect(jsonPath("$[0].reason").value("名片看不清"));
        api().get(null, "/api/v1/people/" + member.id()).andExpect(jsonPath("$.positionVerified").value(false));
        assertThat(events.stream(VerificationDecided.class))
                .contains(new VerificationDecided(id, member.id(), VerificationKind.POSITION, false, "名片看不清"));
        // rejected: a new request may be made
        api().post(member, "/api/v1/me/verifications", Api.obj("kind", "POSITION", "evidence", "在职证明"))
                .andExpect(status().isCreated());
    }

    @Test
    void changingCompanyOrPositionAfterApprovalClearsThePositionBadge() throws Exception {
        var member = memberWithPosition("换工作");
        var op = operator();
        long id = Api.body(api().post(member, "/api/v1/me/verifications", Api.obj("kind", "POSITION", "evidence", "企业邮箱"))
                .andExpect(status().isCreated())).get("id").asLong();
        api().post(op, "/api/v1/operator/verifications/" + id + "/approve", null).andExpect(status().isOk());
        api().get(null, "/api/v1/people/" + member.id()).andExpect(jsonPath("$.positionVerified").value(true));
        // saving the same company and position keeps it
        api().put(member, "/api/v1/me/profile", Api.obj("displayName", "换工作", "company", "腾讯", "position", "工程师", "city", "深圳"))
                .andExpect(jsonPath("$.positionVerified").value(true));
        api().put(member, "/api/v1/me/profile", Api.obj("displayName", "换工作", "company", "腾讯", "position", "高级工程师"))
                .andExpect(jsonPath("$.positionVerified").value(false));
        // changing back does not restore it: only a new approval does
        api().put(member, "/api/v1/me/profile", Api.obj("displayName", "换工作", "company", "腾讯", "position", "工程师"))
                .andExpect(jsonPath("$.positionVerified").value(false));
    }

    @Test
    void refusesASecondPendingRequestOfTheSameKind() throws Exception {
        var member = memberWithPosition("重复");
        requestRealName(member);
        api().post(member, "/api/v1/me/verifications", Api.obj("kind", "REAL_NAME", "evidence", "再来一次", "realName", "李四"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("待审核的实名认证申请")));
        api().post(member, "/api/v1/me/verifications", Api.obj("kind", "POSITION", "evidence", "另一种"))
                .andExpect(status().isCreated());
    }

    @Test
    void refusesInvalidRequests() throws Exception {
        var member = api().register("无效");
        api().post(member, "/api/v1/me/verifications", Api.obj("kind", "REAL_NAME", "evidence", "证明"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("realName"));
        api().post(member, "/api/v1/me/verifications", Api.obj("kind", "REAL_NAME", "evidence", "", "realName", "李四"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("evidence"));
        api().post(member, "/api/v1/me/verifications", Api.obj("kind", "REAL_NAME", "evidence", "证".repeat(2001), "realName", "李四"))
                .andExpect(status().isBadRequest());
        api().post(member, "/api/v1/me/verifications", Api.obj("kind", "REAL_NAME", "evidence", "证明", "realName", "名".repeat(41)))
                .andExpect(status().isBadRequest());
        api().post(member, "/api/v1/me/verifications", Api.obj("kind", "PRESIDENT", "evidence", "证明"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        api().post(member, "/api/v1/me/verifications", Api.obj("evidence", "证明"))
                .andExpect(status().isBadRequest());
        // a position request needs a company and position to verify
        api().post(member, "/api/v1/me/verifications", Api.obj("kind", "POSITION", "evidence", "证明"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("position"));
        api().get(member, "/api/v1/me/verifications").andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void acceptsPictureAndPdfEvidenceAndRefusesEverythingElse() throws Exception {
        var member = memberWithPosition("文件");
        var pdf = "%PDF-1.4\n% test\n".getBytes(StandardCharsets.US_ASCII);
        requestWithFile(member, "POSITION", pdf, "letter.pdf").andExpect(status().isCreated())
                .andExpect(jsonPath("$.evidenceUrl").value(Matchers.matchesPattern("/verifications/\\d+/evidence")));
        requestWithFile(member, "REAL_NAME", "<html>hi</html>".getBytes(StandardCharsets.UTF_8), "id.pdf")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        requestWithFile(member, "REAL_NAME", Pictures.gifHtmlPolyglot(), "id.gif").andExpect(status().isBadRequest());
        var big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        requestWithFile(member, "REAL_NAME", big, "big.pdf").andExpect(status().isPayloadTooLarge());
        requestWithFile(member, "REAL_NAME", Pictures.png(3000, 100), "id.png").andExpect(status().isCreated())
                .andExpect(jsonPath("$.evidenceUrl").exists());
    }

    @Test
    void servesEvidenceOnlyToTheRequesterAndOperatorsAsADownload() throws Exception {
        var member = memberWithPosition("证据");
        var other = api().register("旁人");
        var op = operator();
        var pdf = "%PDF-1.4\n<script>alert(1)</script>\n".getBytes(StandardCharsets.US_ASCII);
        long id = Api.body(requestWithFile(member, "POSITION", pdf, "x.pdf").andExpect(status().isCreated())).get("id").asLong();
        var url = "/verifications/" + id + "/evidence";
        for (var who : new Api.User[] {member, op}) {
            mvc.perform(get(url).header("Authorization", who.bearer())).andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Content-Security-Policy", Matchers.containsString("sandbox")))
                    .andExpect(content().bytes(pdf));
        }
        mvc.perform(get(url).header("Authorization", other.bearer())).andExpect(status().isForbidden());
        // The stored file is private: the public file route does not serve it even to someone who learns its key.
        var key = jdbc.sql("select file_key from verification_requests where id = ?").param(id).query(String.class).single();
        mvc.perform(get("/files/" + key)).andExpect(status().isNotFound());
        mvc.perform(get(url)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.startsWith("/login")));
        mvc.perform(get("/verifications/999999996/evidence").header("Authorization", op.bearer())).andExpect(status().isNotFound());
        long noFile = requestRealName(member);
        mvc.perform(get("/verifications/" + noFile + "/evidence").header("Authorization", member.bearer()))
                .andExpect(status().isNotFound());
    }

    @Test
    void enforcesWhoMayDoWhatOnEachEndpoint() throws Exception {
        var requester = api().register("申请人");
        var other = api().register("别人");
        var op = operator();
        long id = requestRealName(requester);
        var approve = "/api/v1/operator/verifications/" + id + "/approve";
        var reject = "/api/v1/operator/verifications/" + id + "/reject";

        // asking: members yes, anonymous no
        mvc.perform(post("/api/v1/me/verifications").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"REAL_NAME\",\"evidence\":\"x\",\"realName\":\"x\"}")).andExpect(status().isUnauthorized());
        requestWithFile(null, "REAL_NAME", null, null).andExpect(status().isUnauthorized());

        // own list: each sees only their own
        api().get(null, "/api/v1/me/verifications").andExpect(status().isUnauthorized());
        api().get(requester, "/api/v1/me/verifications").andExpect(jsonPath("$[0].id").value(id));
        api().get(other, "/api/v1/me/verifications").andExpect(jsonPath("$.length()").value(0));

        // one request: requester and operators
        api().get(requester, "/api/v1/verifications/" + id).andExpect(status().isOk());
        api().get(op, "/api/v1/verifications/" + id).andExpect(status().isOk());
        api().get(other, "/api/v1/verifications/" + id).andExpect(status().isForbidden());
        api().get(null, "/api/v1/verifications/" + id).andExpect(status().isUnauthorized());

        // the queue: operators only
        api().get(null, "/api/v1/operator/verifications").andExpect(status().isUnauthorized());
        api().get(requester, "/api/v1/operator/verifications").andExpect(status().isForbidden());
        api().get(other, "/api/v1/operator/verifications").andExpect(status().isForbidden());
        api().get(op, "/api/v1/operator/verifications").andExpect(status().isOk());
        api().get(op, "/api/v1/operator/verifications?status=nonsense").andExpect(status().isBadRequest());

        // deciding: operators only, never on their own request
        for (var path : new String[] {approve, reject}) {
            mvc.perform(post(path).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                    .andExpect(status().isUnauthorized());
            api().post(requester, path, Api.obj("reason", "自己批")).andExpect(status().isForbidden());
            api().post(other, path, Api.obj("reason", "别人批")).andExpect(status().isForbidden());
        }
        api().post(op, "/api/v1/operator/verifications/999999995/approve", null).andExpect(status().isNotFound());
        long own = requestRealName(op);
        api().post(op, "/api/v1/operator/verifications/" + own + "/approve", null).andExpect(status().isForbidden());
        api().post(op, "/api/v1/operator/verifications/" + own + "/reject", Api.obj("reason", "不行")).andExpect(status().isForbidden());
        api().get(requester, "/api/v1/verifications/" + id).andExpect(jsonPath("$.status").value("PENDING"));
        api().post(op, reject, Api.obj("reason", "照片模糊")).andExpect(status().isOk());
    }

    @Test
    void showsTheReviewPageToOperatorsOnly() throws Exception {
        var requester = memberWithPosition("页面申请人");
        var op = operator();
        long id = Api.body(api().post(requester, "/api/v1/me/verifications", Api.obj("kind", "POSITION", "evidence", "<script>x</script>"))
                .andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(get("/operator/verifications")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.startsWith("/login")));
        mvc.perform(get("/operator/verifications").header("Authorization", requester.bearer())).andExpect(status().isForbidden());
        mvc.perform(get("/operator/verifications").header("Authorization", op.bearer())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"request-" + id + "\""),
                        Matchers.containsString("工程师 @ 腾讯"), Matchers.containsString("&lt;script&gt;x&lt;/script&gt;"))));
        mvc.perform(post("/operator/verifications/" + id + "/reject").with(csrf()).header("Authorization", op.bearer())
                .param("reason", "")).andExpect(status().isBadRequest());
        mvc.perform(post("/operator/verifications/" + id + "/approve").with(csrf()).header("Authorization", requester.bearer()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/operator/verifications/" + id + "/approve").with(csrf()).header("Authorization", op.bearer()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/people/" + requester.id())).andExpect(content().string(Matchers.containsString("职务认证</span>")));
    }

    @Test
    void letsAMemberAskFromTheVerificationPage() throws Exception {
        var member = memberWithPosition("页面");
        mvc.perform(get("/verifications").header("Authorization", member.bearer())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("工程师 @ 腾讯")));
        mvc.perform(multipart("/verifications").with(csrf()).header("Authorization", member.bearer())
                        .param("kind", "REAL_NAME").param("evidence", "护照").param("realName", "王小明"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/verifications").with(csrf()).header("Authorization", member.bearer())
                        .param("kind", "REAL_NAME").param("evidence", "护照").param("realName", "王小明"))
                .andExpect(status().isConflict());
        mvc.perform(get("/verifications").header("Authorization", member.bearer()))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("王小明"), Matchers.containsString("待审核"))));
        mvc.perform(get("/verifications")).andExpect(status().is3xxRedirection());
    }
}
