package org.shequn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class RosterChangesTests {

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

    /** Expected status per actor (owner, admin, core, member, outsider, anonymous) acting on a plain member. */
    void matrix(String action, int... expected) throws Exception {
        var actors = List.of("owner", "admin", "core", "member", "outsider", "anonymous");
        for (int i = 0; i < actors.size(); i++) {
            var cast = fixture.cast("OPEN");
            var target = api.register("对象");
            org.shequn.Members.add(jdbc, cast.id(), target.id(), "MEMBER");
            var actor = cast.everyone().get(i);
            var base = "/api/v1/communities/" + cast.slug();
            var result = switch (action) {
                case "remove" -> api.delete(actor, base + "/members/" + target.id());
                case "ban" -> api.put(actor, base + "/bans/" + target.id(), Api.obj("reason", "刷屏"));
                case "role" -> api.put(actor, base + "/members/" + target.id() + "/role", Api.obj("role", "CORE"));
                case "audit" -> api.get(actor, base + "/audit");
                default -> throw new IllegalArgumentException(action);
            };
            assertThat(result.andReturn().getResponse().getStatus()).as(action + " by " + actors.get(i)).isEqualTo(expected[i]);
        }
    }

    @Test
    void onlyOwnerAndAdminsRemoveBanChangeRolesAndReadTheAudit() throws Exception {
        matrix("remove", 204, 204, 403, 403, 403, 401);
        matrix("ban", 204, 204, 403, 403, 403, 401);
        matrix("role", 204, 204, 403, 403, 403, 401);
        matrix("audit", 200, 200, 403, 403, 403, 401);
    }

    @Test
    void adminsCannotActOnTheOwnerOrOtherAdmins() throws Exception {
        var cast = fixture.cast("OPEN");
        var base = "/api/v1/communities/" + cast.slug();
        var otherAdmin = api.register("另一位管理员");
        org.shequn.Members.add(jdbc, cast.id(), otherAdmin.id(), "ADMIN");
        api.delete(cast.admin(), base + "/members/" + cast.owner().id()).andExpect(status().isForbidden());
        api.delete(cast.admin(), base + "/members/" + otherAdmin.id()).andExpect(status().isForbidden());
        api.put(cast.admin(), base + "/bans/" + otherAdmin.id(), Api.obj()).andExpect(status().isForbidden());
        api.put(cast.admin(), base + "/bans/" + cast.owner().id(), Api.obj()).andExpect(status().isForbidden());
        api.put(cast.admin(), base + "/members/" + cast.member().id() + "/role", Api.obj("role", "ADMIN")).andExpect(status().isForbidden());
        api.put(cast.admin(), base + "/members/" + otherAdmin.id() + "/role", Api.obj("role", "MEMBER")).andExpect(status().isForbidden());
        api.put(cast.owner(), base + "/members/" + cast.owner().id() + "/role", Api.obj("role", "MEMBER")).andExpect(status().isForbidden());
        api.put(cast.owner(), base + "/members/" + cast.member().id() + "/role", Api.obj("role", "OWNER")).andExpect(status().isBadRequest());
        assertThat(fixture.role(cast.slug(), otherAdmin.id())).isEqualTo("ADMIN");
        // the owner may
        api.put(cast.owner(), base + "/members/" + cast.member().id() + "/role", Api.obj("role", "ADMIN")).andExpect(status().isNoContent());
        api.put(cast.owner(), base + "/members/" + otherAdmin.id() + "/role", Api.obj("role", "CORE")).andExpect(status().isNoContent());
        api.delete(cast.owner(), base + "/members/" + cast.admin().id()).andExpect(status().isNoContent());
        assertThat(fixture.role(cast.slug(), cast.member().id())).isEqualTo("ADMIN");
        assertThat(fixture.role(cast.slug(), otherAdmin.id())).isEqualTo("CORE");
        assertThat(fixture.role(cast.slug(), cast.admin().id())).isNull();
        assertThat(fixture.audits(cast.slug(), "ROLE_CHANGED")).isEqualTo(2);
        // admins make and unmake core members
        api.put(cast.member(), base + "/members/" + cast.core().id() + "/role", Api.obj("role", "MEMBER")).andExpect(status().isNoContent());
        assertThat(fixture.role(cast.slug(), cast.core().id())).isEqualTo("MEMBER");
    }

    @Test
    void bannedPeopleCannotJoinApplyOrReturnUntilUnbanned() throws Exception {
        var cast = fixture.cast("OPEN");
        var base = "/api/v1/communities/" + cast.slug();
        api.put(cast.owner(), base + "/bans/" + cast.member().id(), Api.obj("reason", "发广告")).andExpect(status().isNoContent());
        api.put(cast.owner(), base + "/bans/" + cast.member().id(), Api.obj()).andExpect(status().isConflict());
        assertThat(fixture.role(cast.slug(), cast.member().id())).isNull();
        api.post(cast.member(), base + "/join", null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("你已被该社群禁止加入。"));
        api.delete(cast.admin(), base + "/bans/" + cast.member().id()).andExpect(status().isNoContent());
        api.delete(cast.admin(), base + "/bans/" + cast.member().id()).andExpect(status().isNotFound());
        api.post(cast.member(), base + "/join", null).andExpect(status().isCreated());
        assertThat(fixture.audits(cast.slug(), "BANNED")).isEqualTo(1);
        assertThat(fixture.audits(cast.slug(), "UNBANNED")).isEqualTo(1);
    }

    @Test
    void refusesBadRosterInputsAndChangesNothing() throws Exception {
        var cast = fixture.cast("OPEN");
        var base = "/api/v1/communities/" + cast.slug();
        api.delete(cast.owner(), base + "/members/abc").andExpect(status().isBadRequest());
        api.delete(cast.owner(), base + "/members/999999999").andExpect(status().isNotFound());
        api.put(cast.owner(), base + "/members/" + cast.member().id() + "/role", Api.obj()).andExpect(status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put(base + "/members/" + cast.member().id() + "/role").header("Authorization", cast.owner().bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"KING\"}"))
                .andExpect(status().isBadRequest());
        api.put(cast.owner(), base + "/bans/" + cast.member().id(), Api.obj("reason", "长".repeat(501))).andExpect(status().isBadRequest());
        api.delete(cast.owner(), "/api/v1/communities/" + Api.unique("none-") + "/members/" + cast.member().id()).andExpect(status().isNotFound());
        api.delete(cast.owner(), base + "/members/" + cast.owner().id()).andExpect(status().isConflict());
        assertThat(fixture.role(cast.slug(), cast.member().id())).isEqualTo("MEMBER");
        assertThat(jdbc.sql("select count(*) from bans where community_id = ?").param(cast.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void auditListsNewestFirstInKeysetPages() throws Exception {
        var cast = fixture.cast("OPEN");
        var base = "/api/v1/communities/" + cast.slug();
        for (int i = 0; i < 55; i++) {
            api.post(cast.owner(), base + "/invitations", Api.obj()).andExpect(status().isCreated());
        }
        var first = Api.body(api.get(cast.admin(), base + "/audit").andExpect(status().isOk()));
        assertThat(first.get("items").size()).isEqualTo(50);
        assertThat(first.get("items").get(0).get("id").asLong()).isGreaterThan(first.get("items").get(1).get("id").asLong());
        var second = Api.body(api.get(cast.admin(), base + "/audit?cursor=" + first.get("next").asString()));
        assertThat(second.get("items").size()).isEqualTo(6);
        api.get(cast.admin(), base + "/audit?cursor=%%%").andExpect(status().isBadRequest());
    }
}
