package org.shequn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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
class InvitingTests {

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

    String invite(TestCommunity.Cast cast, Api.User who, Object terms) throws Exception {
        return Api.body(api.post(who, "/api/v1/communities/" + cast.slug() + "/invitations", terms)
                .andExpect(status().isCreated())).get("code").asString();
    }

    @Test
    void invitedPersonJoinsAnInvitationOnlyCommunityAndIsAttributed() throws Exception {
        var cast = fixture.cast("INVITATION");
        var code = invite(cast, cast.admin(), Api.obj("maxUses", 1, "expiresInHours", 24));
        assertThat(code).hasSizeGreaterThanOrEqualTo(10).matches("[A-Za-z0-9_-]+");
        var guest = api.register("被邀请");
        api.post(guest, "/api/v1/communities/" + cast.slug() + "/join", Api.obj("code", code)).andExpect(status().isCreated());
        var invitedBy = jdbc.sql("select invited_by from memberships where community_id = ? and account_id = ?")
                .params(cast.id(), guest.id()).query(Long.class).single();
        assertThat(invitedBy).isEqualTo(cast.admin().id());
        api.post(api.register("第二位"), "/api/v1/communities/" + cast.slug() + "/join", Api.obj("code", code))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("这个邀请的使用次数已用完。"));
    }

    @Test
    void codesBypassApprovalButNotTheCapOrTheBan() throws Exception {
        var settings = MembershipFixture.settings(Api.unique("inv-"), "APPROVAL", 2, List.of("为什么？"));
        var owner = api.register("群主");
        var slug = fixture.community(owner, settings);
        var cast = new TestCommunity.Cast(slug, fixture.idOf(slug), owner, null, null, null, null);
        var code = invite(cast, owner, Api.obj());
        var banned = api.register("被禁");
        api.put(owner, "/api/v1/communities/" + slug + "/bans/" + banned.id(), Api.obj("reason", "广告")).andExpect(status().isNoContent());
        api.post(banned, "/api/v1/communities/" + slug + "/join", Api.obj("code", code)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("你已被该社群禁止加入。"));
        api.post(api.register("一"), "/api/v1/communities/" + slug + "/join", Api.obj("code", code)).andExpect(status().isCreated());
        api.post(api.register("二"), "/api/v1/communities/" + slug + "/join", Api.obj("code", code)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("满员")));
    }

    @Test
    void revokedAndExpiredCodesAreRefused() throws Exception {
        var cast = fixture.cast("INVITATION");
        var code = invite(cast, cast.owner(), Api.obj());
        long id = jdbc.sql("select id from invitations where code = ?").param(code).query(Long.class).single();
        api.delete(cast.owner(), "/api/v1/communities/" + cast.slug() + "/invitations/" + id).andExpect(status().isNoContent());
        api.post(api.register("晚了"), "/api/v1/communities/" + cast.slug() + "/join", Api.obj("code", code))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("这个邀请已被撤销。"));
        var old = invite(cast, cast.owner(), Api.obj("expiresInHours", 1));
        jdbc.sql("update invitations set expires_at = ? where code = ?").params(java.time.OffsetDateTime.now().minusMinutes(1), old).update();
        api.post(api.register("过期"), "/api/v1/communities/" + cast.slug() + "/join", Api.obj("code", old))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("这个邀请已过期。"));
        assertThat(fixture.audits(cast.slug(), "INVITATION_REVOKED")).isEqualTo(1);
        assertThat(fixture.audits(cast.slug(), "INVITATION_CREATED")).isEqualTo(2);
    }

    @Test
    void whoMayInviteListAndRevoke() throws Exception {
        var closed = fixture.cast("OPEN");
        var base = "/api/v1/communities/" + closed.slug() + "/invitations";
        api.post(closed.owner(), base, Api.obj()).andExpect(status().isCreated());
        api.post(closed.admin(), base, Api.obj()).andExpect(status().isCreated());
        for (var who : new Api.User[] {closed.core(), closed.member(), closed.outsider()}) {
            api.post(who, base, Api.obj()).andExpect(status().isForbidden());
            api.get(who, base).andExpect(status().isForbidden());
        }
        api.post(null, base, Api.obj()).andExpect(status().isUnauthorized());

        var settings = MembershipFixture.settings(Api.unique("open-inv-"), "INVITATION", 40, List.of());
        settings.put("membersMayInvite", true);
        var open = fixture.cast(settings);
        var openBase = "/api/v1/communities/" + open.slug() + "/invitations";
        invite(open, open.member(), Api.obj());
        invite(open, open.core(), Api.obj());
        api.post(open.outsider(), openBase, Api.obj()).andExpect(status().isForbidden());
        api.get(open.member(), openBase).andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].creatorName").value("普通成员"));
        api.get(open.admin(), openBase).andExpect(jsonPath("$.items.length()").value(2));
        long coreInvitation = jdbc.sql("select id from invitations where community_id = ? and created_by = ?")
                .params(open.id(), open.core().id()).query(Long.class).single();
        api.delete(open.member(), openBase + "/" + coreInvitation).andExpect(status().isForbidden());
        api.delete(open.admin(), openBase + "/" + coreInvitation).andExpect(status().isNoContent());
        api.delete(open.admin(), openBase + "/999999999").andExpect(status().isNotFound());
        api.delete(open.admin(), openBase + "/abc").andExpect(status().isBadRequest());
    }

    @Test
    void refusesBadInvitationTermsAndWritesNothing() throws Exception {
        var cast = fixture.cast("INVITATION");
        var base = "/api/v1/communities/" + cast.slug() + "/invitations";
        int before = fixture.rows("invitations");
        for (var terms : List.of(Api.obj("maxUses", 0), Api.obj("maxUses", -1), Api.obj("maxUses", 1001),
                Api.obj("expiresInHours", 0), Api.obj("expiresInHours", 2161))) {
            api.post(cast.owner(), base, terms).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").exists());
        }
        api.postRaw(cast.owner(), base, "{\"maxUses\": \"ten\"}", MediaType.APPLICATION_JSON).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("maxUses"));
        api.post(cast.owner(), "/api/v1/communities/" + Api.unique("none-") + "/invitations", Api.obj()).andExpect(status().isNotFound());
        assertThat(fixture.rows("invitations")).isEqualTo(before);
    }

    @Test
    void invitationLinkLandsOnAPageWithAJoinButton() throws Exception {
        var cast = fixture.cast("INVITATION");
        var code = invite(cast, cast.owner(), Api.obj());
        var guest = new WebSession(mvc);
        guest.register("链接访客");
        guest.get("/c/" + cast.slug() + "/join?code=" + code).andExpect(status().isOk())
                .andExpect(content().string(containsString("群主 邀请你加入这个社群")))
                .andExpect(content().string(containsString("value=\"" + code + "\"")));
        guest.form("/c/" + cast.slug() + "/join", "code", "wrong-code-123").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("邀请码无效")));
        guest.form("/c/" + cast.slug() + "/join", "code", code).andExpect(status().is3xxRedirection());
        guest.get("/me/communities").andExpect(status().isOk()).andExpect(content().string(containsString(cast.slug())));
        var owner = new WebSession(mvc);
        owner.register("新群主");
        var ownerSlug = Api.unique("web-inv-");
        owner.form("/communities/new", "name", "网页社群", "slug", ownerSlug, "memberCap", "10", "entryPolicy", "INVITATION",
                "visibility", "PUBLIC").andExpect(status().is3xxRedirection());
        owner.form("/c/" + ownerSlug + "/invitations", "expiresInHours", "24", "maxUses", "abc").andExpect(status().isBadRequest());
        owner.form("/c/" + ownerSlug + "/invitations", "expiresInHours", "24", "maxUses", "5").andExpect(status().isCreated())
                .andExpect(content().string(containsString("/c/" + ownerSlug + "/join?code=")));
    }

    @Test
    void aNewcomerRegistersFromTheInvitationAndComesBackToJoinIt() throws Exception {
        var cast = fixture.cast("INVITATION");
        var code = invite(cast, cast.admin(), Api.obj());
        var landing = "/c/" + cast.slug() + "/join?code=" + code;
        var encoded = java.net.URLEncoder.encode(landing, java.nio.charset.StandardCharsets.UTF_8);
        var newcomer = new WebSession(mvc);
        // signed out: the landing offers to register, and registering remembers where to come back to
        newcomer.get(landing).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/register?next=" + encoded + "\"")))
                .andExpect(content().string(containsString("href=\"/login?next=" + encoded + "\"")));
        newcomer.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/register").param("next", landing))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"next\" value=\"" + landing.replace("&", "&amp;") + "\"")));
        newcomer.form("/register", "email", Api.unique("invitee") + "@example.com", "password", "secret-pass-1",
                "displayName", "新来的", "next", landing).andExpect(redirectedUrl(landing));
        newcomer.get(landing).andExpect(status().isOk()).andExpect(content().string(containsString("value=\"" + code + "\"")));
        newcomer.form("/c/" + cast.slug() + "/join", "code", code).andExpect(redirectedUrl("/c/" + cast.slug() + "/posts"));
        long newcomerId = jdbc.sql("select m.account_id from memberships m join accounts a on a.id = m.account_id"
                + " where m.community_id = ? and a.display_name = ?").params(cast.id(), "新来的").query(Long.class).single();
        var invitedBy = jdbc.sql("select invited_by from memberships where community_id = ? and account_id = ?")
                .params(cast.id(), newcomerId).query(Long.class).single();
        assertThat(invitedBy).isEqualTo(cast.admin().id());
        // a bad next falls back to the usual welcome
        new WebSession(mvc).form("/register", "email", Api.unique("other") + "@example.com", "password", "secret-pass-1",
                "displayName", "别处来的", "next", "https://evil.example/").andExpect(redirectedUrl("/"));
    }

    @Test
    void anInvitationTravelsAsAnAbsoluteLinkAndAQrCodeOnlyItsMakersSee() throws Exception {
        var cast = fixture.cast("INVITATION");
        var made = Api.body(api.post(cast.admin(), "/api/v1/communities/" + cast.slug() + "/invitations", Api.obj())
                .andExpect(status().isCreated()));
        long id = made.get("id").asLong();
        // pasted into WeChat, a link must carry its host: the configured public address
        assertThat(made.get("link").asString())
                .isEqualTo("http://localhost:8080/c/" + cast.slug() + "/join?code=" + made.get("code").asString());
        var qr = "/c/" + cast.slug() + "/invitations/" + id + "/qr.svg";
        for (var runner : List.of(cast.admin(), cast.owner())) {
            api.get(runner, qr).andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
                    .andExpect(content().string(containsString("<svg")));
        }
        // a member who did not make it, an outsider, a stranger to the invitation's community, nobody signed in
        api.get(cast.member(), qr).andExpect(status().isNotFound());
        api.get(cast.outsider(), qr).andExpect(status().isForbidden());
        api.get(cast.admin(), "/c/" + cast.slug() + "/invitations/" + (id + 100000) + "/qr.svg").andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(qr))
                .andExpect(status().is3xxRedirection());
    }
}
