package org.shequn.subgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestCommunity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Sub-groups and the governance mode through HTTP: who may do what, caps, the split from proposal to groups. */
@IntegrationTest
class SubgroupTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Api api;
    TestCommunity community;
    TestCommunity.Cast cast;

    void scene() throws Exception {
        api = new Api(mvc);
        community = TestCommunity.create(api, jdbc, "groups-");
        cast = community.cast();
    }

    String groups() {
        return community.base() + "/subgroups";
    }

    long create(String name, Integer cap) throws Exception {
        return Api.body(api.post(cast.admin(), groups(), Api.obj("name", name, "basis", "上海", "cap", cap))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    /** The directory's entry with a city (how entries are fed from profiles is the directory's own tests' matter). */
    void lives(Api.User who, String city, String role) {
        jdbc.sql("delete from directory_entries where community_id = ? and account_id = ?").params(community.id(), who.id()).update();
        jdbc.sql("""
                insert into directory_entries (community_id, account_id, display_name, role, joined_at, city,
                                               real_name_verified, position_verified) values (?, ?, ?, ?, ?, ?, false, false)""")
                .params(community.id(), who.id(), who.displayName(), role, OffsetDateTime.now(), city).update();
    }

    @Test
    void runnersMakeGroupsMembersSeeThemAndTheCapAndNamesHold() throws Exception {
        scene();
        long id = create("上海一组", 2);
        api.post(cast.member(), groups(), Api.obj("name", "我的组")).andExpect(status().isForbidden());
        api.post(cast.outsider(), groups(), Api.obj("name", "路人组")).andExpect(status().isForbidden());
        api.post(cast.admin(), groups(), Api.obj("name", "上海一组")).andExpect(status().isConflict());
        api.post(cast.admin(), groups(), Api.obj("name", " ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        api.post(cast.admin(), groups(), Api.obj("name", "组\u0007")).andExpect(status().isBadRequest());
        api.post(cast.admin(), groups(), Api.obj("name", "大组", "cap", 1)).andExpect(status().isBadRequest());

        api.post(cast.admin(), groups() + "/" + id + "/members", Api.obj("accountId", cast.member().id())).andExpect(status().isOk());
        api.post(cast.admin(), groups() + "/" + id + "/members", Api.obj("accountId", cast.member().id())).andExpect(status().isConflict());
        api.post(cast.admin(), groups() + "/" + id + "/members", Api.obj("accountId", cast.outsider().id())).andExpect(status().isBadRequest());
        api.put(cast.owner(), groups() + "/" + id, Api.obj("name", "上海一组", "basis", "上海", "cap", 2, "leaderId", cast.core().id()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.leaderId").value(cast.core().id()))
                .andExpect(jsonPath("$.members").value(2));
        // full: a third is refused, and the cap cannot drop below two members
        api.post(cast.admin(), groups() + "/" + id + "/members", Api.obj("accountId", cast.admin().id())).andExpect(status().isConflict());

        api.get(cast.member(), groups()).andExpect(status().isOk()).andExpect(jsonPath("$.groups[0].name").value("上海一组"))
                .andExpect(jsonPath("$.groups[0].mine").value(true)).andExpect(jsonPath("$.groups[0].leaderName").value("核心成员"));
        api.get(cast.outsider(), groups()).andExpect(status().isForbidden());
        api.get(cast.member(), groups() + "/" + id).andExpect(status().isOk()).andExpect(jsonPath("$.members.length()").value(2))
                .andExpect(jsonPath("$.manages").value(false));
    }

    @Test
    void byTheGovernanceModeALeaderRunsTheirGroupAndCoreMembersDecideApplicationsAndOpenPolls() throws Exception {
        scene();
        long id = create("读书组", null);
        api.put(cast.admin(), groups() + "/" + id, Api.obj("name", "读书组", "leaderId", cast.member().id())).andExpect(status().isOk());
        var newcomer = community.seat("新人", "MEMBER");
        // centralized: the leader is just a member
        api.post(cast.member(), groups() + "/" + id + "/members", Api.obj("accountId", newcomer.id())).andExpect(status().isForbidden());

        api.put(cast.admin(), community.base() + "/governance", Map.of("mode", "SUBGROUP")).andExpect(status().isForbidden());
        api.put(cast.owner(), community.base() + "/governance", Map.of("mode", "ANARCHY")).andExpect(status().isBadRequest());
        api.put(cast.owner(), community.base() + "/governance", Map.of("mode", "SUBGROUP")).andExpect(status().isOk())
                .andExpect(jsonPath("$.governance").value("SUBGROUP"));
        api.post(cast.member(), groups() + "/" + id + "/members", Api.obj("accountId", newcomer.id())).andExpect(status().isOk());
        api.delete(cast.member(), groups() + "/" + id + "/members/" + newcomer.id()).andExpect(status().isOk());
        // a leader adds only members in no group, and runs only their own group
        long other = create("跑步组", null);
        api.post(cast.admin(), groups() + "/" + other + "/members", Api.obj("accountId", newcomer.id())).andExpect(status().isOk());
        api.post(cast.member(), groups() + "/" + id + "/members", Api.obj("accountId", newcomer.id())).andExpect(status().isForbidden());
        api.post(cast.member(), groups(), Api.obj("name", "组长自建")).andExpect(status().isForbidden());

        // a core member decides applications only when the community governs itself
        var applicant = api.register("申请人");
        long application = Api.body(api.post(applicant, community.base() + "/applications",
                Api.obj("answers", List.of("产品经理", "《启示录》"))).andExpect(status().isCreated())).get("id").asLong();
        api.post(cast.core(), community.base() + "/applications/" + application + "/approve", Map.of()).andExpect(status().isForbidden());
        var poll = Api.obj("question", "下次去哪？", "options", List.of("爬山", "看展"),
                "closesAt", OffsetDateTime.now().plusDays(3).toString());
        api.post(cast.core(), community.base() + "/polls", poll).andExpect(status().isForbidden());
        api.put(cast.owner(), community.base() + "/governance", Map.of("mode", "AUTONOMOUS")).andExpect(status().isOk());
        // autonomous: core members open polls and decide applications; plain members still do neither
        api.post(cast.core(), community.base() + "/polls", poll).andExpect(status().isCreated());
        api.post(cast.member(), community.base() + "/polls", poll).andExpect(status().isForbidden());
        api.get(cast.core(), community.base() + "/applications").andExpect(status().isOk());
        api.get(cast.member(), community.base() + "/applications").andExpect(status().isForbidden());
        api.post(cast.core(), community.base() + "/applications/" + application + "/approve", Map.of()).andExpect(status().is2xxSuccessful());
    }

    @Test
    void aSplitIsProposedByCityAdjustedAndAppliedInPlaceOfTheOldGroups() throws Exception {
        scene();
        create("旧组", null);
        var people = new ArrayList<Api.User>(List.of(cast.owner(), cast.admin(), cast.core(), cast.member()));
        for (int i = 0; i < 8; i++) {
            people.add(community.seat("成员" + i, "MEMBER"));
        }
        for (int i = 0; i < people.size(); i++) {
            lives(people.get(i), i < 6 ? "上海" : "北京", "MEMBER");
        }
        api.get(cast.admin(), groups() + "/split?size=20&basis=CITY").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        api.get(cast.admin(), groups() + "/split?size=4&basis=STAR").andExpect(status().isBadRequest());
        api.get(cast.member(), groups() + "/split?size=4&basis=CITY").andExpect(status().isForbidden());
        var proposal = Api.body(api.get(cast.admin(), groups() + "/split?size=6&basis=CITY").andExpect(status().isOk()));
        assertThat(proposal.get("groups")).hasSize(2);
        assertThat(List.of(proposal.get("groups").get(0).get("name").asText(), proposal.get("groups").get(1).get("name").asText()))
                .containsExactlyInAnyOrder("上海", "北京");
        // nothing written by a proposal
        assertThat(Api.body(api.get(cast.admin(), groups())).get("groups")).hasSize(1);

        // the admin moves one member across and applies
        var first = ids(proposal.get("groups").get(0).get("members"));
        var second = ids(proposal.get("groups").get(1).get("members"));
        second.add(first.removeLast());
        var body = Api.obj("groups", List.of(
                Api.obj("name", "A 组", "leaderId", first.getFirst(), "memberIds", first),
                Api.obj("name", "B 组", "leaderId", second.getFirst(), "memberIds", second)));
        api.post(cast.admin(), groups() + "/split", Api.obj("groups", List.of(
                Api.obj("name", "A 组", "memberIds", List.of(cast.member().id())),
                Api.obj("name", "B 组", "memberIds", List.of(cast.member().id()))))).andExpect(status().isBadRequest());
        api.post(cast.admin(), groups() + "/split", Api.obj("groups", List.of(
                Api.obj("name", "A 组", "memberIds", List.of(cast.outsider().id()))))).andExpect(status().isBadRequest());
        var after = Api.body(api.post(cast.admin(), groups() + "/split", body).andExpect(status().isOk()));
        assertThat(after.get("groups")).hasSize(2);
        assertThat(after.get("ungrouped").asInt()).isZero();
        assertThat(List.of(after.get("groups").get(0).get("members").asInt(), after.get("groups").get(1).get("members").asInt()))
                .containsExactlyInAnyOrder(5, 7);
    }

    @Test
    void aLeaderWhoLeavesLeavesTheGroupLeaderlessAndTheOwnerIsAsked() throws Exception {
        scene();
        long id = create("夜跑组", null);
        api.put(cast.admin(), groups() + "/" + id, Api.obj("name", "夜跑组", "leaderId", cast.member().id())).andExpect(status().isOk());
        api.post(cast.member(), community.base() + "/leave", Map.of()).andExpect(status().is2xxSuccessful());
        api.get(cast.owner(), groups() + "/" + id).andExpect(jsonPath("$.group.leaderId").doesNotExist())
                .andExpect(jsonPath("$.members.length()").value(0));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("select count(*) from notifications where account_id = ? and kind = 'SUBGROUP_LEADER_LEFT'")
                        .param(cast.owner().id()).query(Long.class).single()).isEqualTo(1));
    }

    static List<Long> ids(JsonNode members) {
        var ids = new ArrayList<Long>();
        members.forEach(m -> ids.add(m.get("accountId").asLong()));
        return ids;
    }
}
