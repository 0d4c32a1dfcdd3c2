package org.shequn.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class JoiningTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    Api api;
    MembershipFixture fixture;
    Api.User owner;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        fixture = new MembershipFixture(api, jdbc);
        owner = api.register("群主");
    }

    @Test
    void joinsAnOpenCommunityAtOnce() throws Exception {
        var slug = fixture.community(owner, "OPEN", 40);
        var joiner = api.register("新人");
        api.post(joiner, "/api/v1/communities/" + slug + "/join", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("MEMBER"));
        assertThat(fixture.role(slug, joiner.id())).isEqualTo("MEMBER");
        api.get(joiner, "/api/v1/communities/" + slug).andExpect(jsonPath("$.viewerRole").value("MEMBER"))
                .andExpect(jsonPath("$.memberCount").value(2));
        api.post(joiner, "/api/v1/communities/" + slug + "/join", null).andExpect(status().isConflict());
        assertThat(fixture.audits(slug, "JOINED")).isEqualTo(1);
        api.get(joiner, "/api/v1/me/communities").andExpect(status().isOk())
                .andExpect(jsonPath("$.communities[0].slug").value(slug))
                .andExpect(jsonPath("$.communities[0].role").value("MEMBER"));
    }

    @Test
    void refusesJoiningAFullCommunity() throws Exception {
        var slug = fixture.community(owner, "OPEN", 3);
        api.post(api.register("a"), "/api/v1/communities/" + slug + "/join", null).andExpect(status().isCreated());
        api.post(api.register("b"), "/api/v1/communities/" + slug + "/join", null).andExpect(status().isCreated());
        api.post(api.register("c"), "/api/v1/communities/" + slug + "/join", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("社群已满员（3/3），暂时无法加入。"));
        assertThat(fixture.members(slug)).isEqualTo(3);
    }

    @Test
    void onlyOneOfManyConcurrentJoinsTakesTheLastSeat() throws Exception {
        var slug = fixture.community(owner, "OPEN", 2);
        var people = new ArrayList<Api.User>();
        for (int i = 0; i < 10; i++) {
            people.add(api.register("抢位" + i));
        }
        var start = new CountDownLatch(1);
        var created = new AtomicInteger();
        var full = new AtomicInteger();
        var other = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(10)) {
            for (var person : people) {
                pool.submit(() -> {
                    start.await();
                    int code = api.post(person, "/api/v1/communities/" + slug + "/join", null)
                            .andReturn().getResponse().getStatus();
                    (code == 201 ? created : code == 409 ? full : other).incrementAndGet();
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(created.get()).isEqualTo(1);
        assertThat(full.get()).isEqualTo(9);
        assertThat(other.get()).isZero();
        assertThat(fixture.members(slug)).isEqualTo(2);
        assertThat(jdbc.sql("select members from community_seats s join communities c on c.id = s.community_id where c.slug = ?")
                .param(slug).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void refusesEveryChangeInAnArchivedCommunity() throws Exception {
        var slug = fixture.community(owner, "OPEN", 40);
        var member = api.register("成员");
        api.post(member, "/api/v1/communities/" + slug + "/join", null).andExpect(status().isCreated());
        api.post(owner, "/api/v1/communities/" + slug + "/archive", null).andExpect(status().isOk());
        api.post(api.register("迟到"), "/api/v1/communities/" + slug + "/join", null).andExpect(status().isConflict());
        api.post(member, "/api/v1/communities/" + slug + "/leave", null).andExpect(status().isConflict());
        api.delete(owner, "/api/v1/communities/" + slug + "/members/" + member.id()).andExpect(status().isConflict());
        api.put(owner, "/api/v1/communities/" + slug + "/members/" + member.id() + "/role", Api.obj("role", "CORE"))
                .andExpect(status().isConflict());
        api.post(owner, "/api/v1/communities/" + slug + "/invitations", Api.obj()).andExpect(status().isConflict());
        assertThat(fixture.members(slug)).isEqualTo(2);
    }

    @Test
    void joiningAnInvitationOnlyOrApprovalCommunityNeedsACodeOrAnApplication() throws Exception {
        var invitationOnly = fixture.community(owner, "INVITATION", 40);
        var approval = fixture.community(owner, "APPROVAL", 40, "为什么加入？");
        var person = api.register("想加入");
        api.post(person, "/api/v1/communities/" + invitationOnly + "/join", null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
        api.post(person, "/api/v1/communities/" + approval + "/join", null).andExpect(status().isForbidden());
        api.post(person, "/api/v1/communities/" + invitationOnly + "/join", Api.obj("code", "nope-nope-nope"))
                .andExpect(status().isBadRequest());
        api.post(person, "/api/v1/communities/no-such-" + Api.unique("x") + "/join", null).andExpect(status().isNotFound());
        api.post(null, "/api/v1/communities/" + invitationOnly + "/join", null).andExpect(status().isUnauthorized());
        assertThat(fixture.role(invitationOnly, person.id())).isNull();
        assertThat(fixture.role(approval, person.id())).isNull();
    }

    @Test
    void leavingIsForMembersAndNotForTheOwner() throws Exception {
        var slug = fixture.community(owner, "OPEN", 40);
        var member = api.register("成员");
        api.post(member, "/api/v1/communities/" + slug + "/join", null).andExpect(status().isCreated());
        api.post(owner, "/api/v1/communities/" + slug + "/leave", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("转让")));
        api.post(member, "/api/v1/communities/" + slug + "/leave", null).andExpect(status().isNoContent());
        api.post(member, "/api/v1/communities/" + slug + "/leave", null).andExpect(status().isConflict());
        assertThat(fixture.role(slug, member.id())).isNull();
        assertThat(fixture.audits(slug, "LEFT")).isEqualTo(1);
    }

    @Test
    void memberRosterStillCountsFixtureMembers() throws Exception {
        var slug = fixture.community(owner, "OPEN", 3);
        Members.add(jdbc, fixture.idOf(slug), api.register("x").id(), "MEMBER");
        api.post(api.register("y"), "/api/v1/communities/" + slug + "/join", null).andExpect(status().isCreated());
        api.post(api.register("z"), "/api/v1/communities/" + slug + "/join", null).andExpect(status().isConflict());
        assertThat(List.of(fixture.members(slug))).containsExactly(3);
    }
}
