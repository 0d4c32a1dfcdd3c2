package org.shequn.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.WebSession;
import org.shequn.profile.VerificationDecided;
import org.shequn.profile.VerificationKind;
import org.shequn.social.Followed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class NotificationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    long accountId(String email) {
        return jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
    }

    @Test
    void rejectedApplicantReadsTheEscapedReasonInTheirLanguageAndMarksItRead() throws Exception {
        var owner = api.register("群主");
        var slug = Api.unique("n-");
        api.post(owner, "/api/v1/communities", Api.obj("name", "通知测试", "slug", slug, "memberCap", 10,
                "entryPolicy", "APPROVAL", "visibility", "PUBLIC", "questions", List.of(), "themes", List.of(),
                "requiresRealName", false, "requiresPosition", false, "membersMayInvite", false)).andExpect(status().isCreated());
        var browser = new WebSession(mvc);
        var email = browser.register("申请人");
        browser.form("/c/" + slug + "/apply").andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select a.id from applications a join communities c on c.id = a.community_id where c.slug = ?")
                .param(slug).query(Long.class).single();
        api.post(owner, "/api/v1/communities/" + slug + "/applications/" + id + "/reject",
                Api.obj("reason", "<script>alert(1)</script>再等等")).andExpect(status().isNoContent());
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                browser.get("/notifications/count").andExpect(content().string(containsString(">1<"))));
        browser.get("/notifications").andExpect(status().isOk())
                .andExpect(content().string(containsString("notification unread")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;再等等")))
                .andExpect(content().string(not(containsString("<script>alert"))));
        new WebSession(mvc).english().get("/notifications").andExpect(status().is3xxRedirection());
        browser.form("/notifications/read").andExpect(status().is3xxRedirection());
        browser.get("/notifications/count").andExpect(content().string(""));
        assertThat(jdbc.sql("select count(*) from notifications where account_id = ? and read_at is null")
                .param(accountId(email)).query(Integer.class).single()).isZero();
    }

    @Test
    void followersAndVerificationDecisionsReachTheInboxOnceEach() throws Exception {
        var reader = api.register("读者");
        var follower = api.register("粉丝");
        transactions.executeWithoutResult(t -> {
            events.publishEvent(new Followed(follower.id(), reader.id(), false));
            events.publishEvent(new VerificationDecided(Math.abs(System.nanoTime()), reader.id(), VerificationKind.POSITION, false, "名片模糊"));
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api.get(reader, "/api/v1/me/notifications").andExpect(jsonPath("$.items.length()").value(2)));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/me/notifications")
                        .header("Authorization", reader.bearer()).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[?(@.kind == 'FOLLOWED')].text").value(org.hamcrest.Matchers.hasItem("粉丝 started following you.")))
                .andExpect(jsonPath("$.items[?(@.kind == 'VERIFICATION_REJECTED_POSITION')].text")
                        .value(org.hamcrest.Matchers.hasItem("Your position verification was not approved: 名片模糊")));
        api.post(reader, "/api/v1/me/notifications/read", null).andExpect(status().isNoContent());
        api.get(reader, "/api/v1/me/notifications").andExpect(jsonPath("$.items[0].unread").value(false));
        api.get(null, "/api/v1/me/notifications").andExpect(status().isUnauthorized());
        api.post(null, "/api/v1/me/notifications/read", null).andExpect(status().isUnauthorized());
        api.get(follower, "/api/v1/me/notifications").andExpect(jsonPath("$.items.length()").value(0));
    }
}
