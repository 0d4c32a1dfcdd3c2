package org.shequn.subgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.TestClock;
import org.shequn.TestCommunity;
import org.shequn.WebSession;
import org.shequn.voting.GroupLeaderElected;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Polls and elections for one sub-group, through the API and the pages: a group's poll is voted in by its members
 * only and seen by them and the poll runners (404 and never listed for anyone else), labelled 仅 {group} 可见; by
 * sub-group the group's leader opens and closes its polls and no others (autonomous: the core members, who vote
 * only in their own group's); a group elects its leader (选举组长): one
 * seat, opened by the owner or an admin, its members alone nominate, stand and vote, and the winner leads the group
 * without becoming a core member. Bad scopes are refused and nothing is written.
 */
@IntegrationTest
@RecordApplicationEvents
class SubgroupVotingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    ApplicationEvents events;

    Api api;
    TestCommunity community;
    TestCommunity.Cast cast;
    long shanghai;
    long beijing;
    /** 上海组's leader (a plain member) and two members of it; the core member leads 北京组. */
    Api.User leader;
    Api.User peer;
    Api.User peer2;

    void scene(String mode) throws Exception {
        api = new Api(mvc);
        community = TestCommunity.create(api, jdbc, "gvote-");
        cast = community.cast();
        leader = community.seat("上海组长", "MEMBER");
        peer = community.seat("上海组员", "MEMBER");
        peer2 = community.seat("上海组员二", "MEMBER");
        shanghai = group("上海组", leader);
        beijing = group("北京组", cast.core());
        join(shanghai, peer);
        join(shanghai, peer2);
        api.put(cast.owner(), community.base() + "/governance", Api.obj("mode", mode)).andExpect(status().isOk());
    }

    long group(String name, Api.User leads) throws Exception {
        return Api.body(api.post(cast.admin(), community.base() + "/subgroups", Api.obj("name", name, "leaderId", leads.id()))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    void join(long group, Api.User who) throws Exception {
        api.post(cast.admin(), community.base() + "/subgroups/" + group + "/members", Api.obj("accountId", who.id()))
                .andExpect(status().isOk());
    }

    String polls() {
        return community.base() + "/polls";
    }

    String elections() {
        return community.base() + "/elections";
    }

    Map<String, Object> poll(String question, Long subgroupId) {
        return Api.obj("question", question, "options", List.of("周六", "周日"),
                "closesAt", OffsetDateTime.now(clock).plusDays(3).toString(), "subgroupId", subgroupId);
    }

    Map<String, Object> election(Long subgroupId, int seats) {
        var now = OffsetDateTime.now(clock);
        return Api.obj("title", "上海组组长选举", "seats", seats, "minMemberDays", 0, "termDays", 180,
                "votingOpensAt", now.plusDays(1).toString(), "votingClosesAt", now.plusDays(2).toString(),
                "subgroupId", subgroupId);
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table + " where community_id = ?").param(community.id())
                .query(Integer.class).single();
    }

    @Test
    void aGroupsPollIsVotedInByItsMembersAndSeenOnlyByThemAndTheRunners() throws Exception {
        scene("CENTRALIZED");
        var created = Api.body(api.post(cast.admin(), polls(), poll("上海组周末跑哪天？", shanghai))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.scopeName").value("上海组"))
                .andExpect(jsonPath("$.subgroupId").value(shanghai)));
        long id = created.get("id").asLong();
        long option = created.get("options").get(0).get("id").asLong();
        String path = polls() + "/" + id;
        api.post(cast.admin(), polls(), poll("全体投票", null)).andExpect(status().isCreated());

        // its members see and vote
        api.get(peer, path).andExpect(status().isOk()).andExpect(jsonPath("$.mayVote").value(true));
        api.post(peer, path + "/votes", Api.obj("options", List.of(option))).andExpect(status().isOk())
                .andExpect(jsonPath("$.voted").value(true));
        // anyone else: no such poll, never listed, no vote
        for (var stranger : List.of(cast.core(), cast.member())) {
            api.get(stranger, path).andExpect(status().isNotFound());
            api.post(stranger, path + "/votes", Api.obj("options", List.of(option))).andExpect(status().isNotFound());
            api.get(stranger, polls()).andExpect(status().isOk())
                    .andExpect(content().string(allOf(not(containsString("上海组周末跑哪天")), containsString("全体投票"))));
            api.get(stranger, community.base() + "/subgroups/" + shanghai + "/polls").andExpect(status().isNotFound());
        }
        // the owner sees it, and may close it, but does not vote in another group's poll
        api.get(cast.owner(), path).andExpect(status().isOk()).andExpect(jsonPath("$.mayVote").value(false))
                .andExpect(jsonPath("$.mayClose").value(true));
        api.post(cast.owner(), path + "/votes", Api.obj("options", List.of(option))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("只有该分群的成员可以参与。"));
        assertThat(jdbc.sql("select count(*) from poll_voters where poll_id = ?").param(id).query(Integer.class).single()).isOne();
        // the group's own list, and its page
        api.get(peer2, community.base() + "/subgroups/" + shanghai + "/polls").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].question").value("上海组周末跑哪天？")).andExpect(jsonPath("$.length()").value(1));
        api.get(peer2, polls()).andExpect(content().string(containsString("上海组周末跑哪天")));
        // centralized: the group's leader runs nothing
        api.post(leader, polls(), poll("组长的投票", shanghai)).andExpect(status().isForbidden());
        api.post(leader, path + "/close", Api.obj()).andExpect(status().isForbidden());
    }

    @Test
    void bySubgroupALeaderOpensAndClosesTheirGroupsPollsOnly() throws Exception {
        scene("SUBGROUP");
        long id = Api.body(api.post(leader, polls(), poll("上海组聚餐吃什么？", shanghai)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.mayClose").value(true))).get("id").asLong();
        int before = count("polls");
        api.post(leader, polls(), poll("北京组的投票", beijing)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("你只能为自己带领的分群发起投票。"));
        api.post(leader, polls(), poll("全体投票", null)).andExpect(status().isForbidden());
        api.post(peer, polls(), poll("组员的投票", shanghai)).andExpect(status().isForbidden());
        assertThat(count("polls")).isEqualTo(before);
        long theirs = Api.body(api.post(cast.core(), polls(), poll("北京组的投票", beijing)).andExpect(status().isCreated()))
                .get("id").asLong();
        long everyone = Api.body(api.post(cast.owner(), polls(), poll("全体投票", null)).andExpect(status().isCreated()))
                .get("id").asLong();
        api.post(leader, polls() + "/" + theirs + "/close", Api.obj()).andExpect(status().isNotFound());
        api.post(leader, polls() + "/" + everyone + "/close", Api.obj()).andExpect(status().isForbidden());
        api.get(leader, polls() + "/" + everyone).andExpect(jsonPath("$.mayClose").value(false));
        api.post(leader, polls() + "/" + id + "/close", Api.obj()).andExpect(status().isOk())
                .andExpect(jsonPath("$.closed").value(true));
    }

    @Test
    void autonomousCoreMembersRunEveryGroupsPollButVoteOnlyInTheirOwn() throws Exception {
        scene("AUTONOMOUS");
        long id = Api.body(api.post(cast.admin(), polls(), poll("上海组周末跑哪天？", shanghai)).andExpect(status().isCreated()))
                .get("id").asLong();
        // the core member (in 北京组) opens polls, so sees and may close 上海组's, but votes only in their own group's
        api.get(cast.core(), polls()).andExpect(content().string(containsString("上海组周末跑哪天")));
        var seen = Api.body(api.get(cast.core(), polls() + "/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.mayVote").value(false)).andExpect(jsonPath("$.mayClose").value(true)));
        api.post(cast.core(), polls() + "/" + id + "/votes",
                Api.obj("options", List.of(seen.get("options").get(0).get("id").asLong()))).andExpect(status().isForbidden());
        // and opens a poll for their own group, not for another
        api.post(cast.core(), polls(), poll("北京组的投票", beijing)).andExpect(status().isCreated());
        api.post(cast.core(), polls(), poll("替上海组发起", shanghai)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subgroupId"));
        // a plain member outside the group still never sees it; the group's leader runs nothing in this mode
        api.get(cast.member(), polls() + "/" + id).andExpect(status().isNotFound());
        api.post(leader, polls() + "/" + id + "/close", Api.obj()).andExpect(status().isForbidden());
        api.post(cast.core(), polls() + "/" + id + "/close", Api.obj()).andExpect(status().isOk());
    }

    @Test
    void aPollForAGroupOfAnotherCommunityOrADeletedGroupIsRefusedAndNothingWritten() throws Exception {
        scene("CENTRALIZED");
        var other = TestCommunity.create(api, jdbc, "gvote-other-");
        long foreign = Api.body(api.post(other.owner(), other.base() + "/subgroups", Api.obj("name", "别处的组"))
                .andExpect(status().isCreated())).get("id").asLong();
        long doomed = group("要解散的组", peer);
        api.delete(cast.admin(), community.base() + "/subgroups/" + doomed).andExpect(status().is2xxSuccessful());
        int before = count("polls");
        for (long wrong : List.of(foreign, doomed, 987_654_321L)) {
            api.post(cast.admin(), polls(), poll("错的分群", wrong)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("subgroupId"));
            api.post(cast.owner(), elections(), election(wrong, 1)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("subgroupId"));
        }
        assertThat(count("polls")).isEqualTo(before);
        assertThat(count("elections")).isZero();
    }

    @Test
    void aGroupElectsItsLeaderItsMembersAloneStandAndVoteAndTheWinnerLeadsTheGroup() throws Exception {
        scene("SUBGROUP");
        // one seat, opened by the runners; not the sitting leader, even by sub-group
        api.post(cast.owner(), elections(), election(shanghai, 2)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("seats"))
                .andExpect(jsonPath("$.errors[0].message").value("组长选举只有 1 个席位。"));
        api.post(leader, elections(), election(shanghai, 1)).andExpect(status().isForbidden());
        api.post(cast.admin(), elections(), election(null, 1)).andExpect(status().isForbidden());
        assertThat(count("elections")).isZero();
        long id = Api.body(api.post(cast.admin(), elections(), election(shanghai, 1)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.leaderElection").value(true)).andExpect(jsonPath("$.scopeName").value("上海组")))
                .get("id").asLong();
        String path = elections() + "/" + id;

        // only the group's members nominate and stand
        api.post(peer, path + "/candidates", Api.obj("statement", "我来带大家跑。")).andExpect(status().isCreated());
        api.post(leader, path + "/candidates", Api.obj("statement", "我再干一届。")).andExpect(status().isCreated());
        api.post(peer2, path + "/candidates", Api.obj("accountId", cast.member().id(), "statement", "他跑得快"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("被提名人不是这个分群的成员。"));
        api.post(cast.core(), path + "/candidates", Api.obj("statement", "我也想")).andExpect(status().isNotFound());
        api.post(cast.admin(), path + "/candidates", Api.obj("statement", "我也想")).andExpect(status().isForbidden());
        // not seen outside the group (but by the runners), and listed on the group's page
        api.get(cast.member(), path).andExpect(status().isNotFound());
        api.get(cast.member(), elections()).andExpect(content().string(not(containsString("上海组组长选举"))));
        api.get(cast.owner(), path).andExpect(status().isOk());
        api.get(peer2, community.base() + "/subgroups/" + shanghai + "/elections").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id));

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        var candidates = Api.body(api.get(peer2, path).andExpect(status().isOk())
                .andExpect(jsonPath("$.phase").value("VOTING"))
                // the roll: the group's three members, not the community's eight
                .andExpect(jsonPath("$.rollSize").value(3)).andExpect(jsonPath("$.onRoll").value(true)))
                .get("candidates");
        long peerCandidate = candidates.get(0).get("id").asLong();
        long leaderCandidate = candidates.get(1).get("id").asLong();
        api.post(cast.core(), path + "/ballots", Api.obj("candidates", List.of(peerCandidate))).andExpect(status().isNotFound());
        api.post(cast.owner(), path + "/ballots", Api.obj("candidates", List.of(peerCandidate))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("只有该分群的成员可以参与。"));
        assertThat(jdbc.sql("select count(*) from election_ballots where election_id = ?").param(id).query(Integer.class)
                .single()).isZero();
        api.post(peer, path + "/ballots", Api.obj("candidates", List.of(peerCandidate))).andExpect(status().isCreated());
        api.post(peer2, path + "/ballots", Api.obj("candidates", List.of(peerCandidate))).andExpect(status().isCreated());
        api.post(leader, path + "/ballots", Api.obj("candidates", List.of(leaderCandidate))).andExpect(status().isCreated());

        clock.advance(Duration.ofDays(1));
        api.get(peer, path).andExpect(jsonPath("$.phase").value("RESULT"))
                .andExpect(jsonPath("$.result.elected[0]").value("上海组员"));
        // the winner leads the group now; the old leader stays in it; nobody became a core member
        api.get(peer, community.base() + "/subgroups/" + shanghai).andExpect(status().isOk())
                .andExpect(jsonPath("$.group.leaderId").value(peer.id()))
                .andExpect(jsonPath("$.members[*].accountId", hasItem((int) leader.id())));
        assertThat(events.stream(GroupLeaderElected.class).filter(e -> e.electionId() == id))
                .singleElement().satisfies(e -> assertThat(e.accountId()).isEqualTo(peer.id()));
        assertThat(jdbc.sql("select role from memberships where community_id = ? and account_id = ?")
                .params(community.id(), peer.id()).query(String.class).single()).isEqualTo("MEMBER");
        // the new leader runs the group's polls (by sub-group); the old one no longer does
        api.post(peer, polls(), poll("新组长的投票", shanghai)).andExpect(status().isCreated());
        api.post(leader, polls(), poll("老组长的投票", shanghai)).andExpect(status().isForbidden());
    }

    @Test
    void aWinnerWhoLeftTheGroupDoesNotLeadItAndTheOwnerIsAskedToHandItOver() throws Exception {
        scene("SUBGROUP");
        long id = Api.body(api.post(cast.admin(), elections(), election(shanghai, 1)).andExpect(status().isCreated()))
                .get("id").asLong();
        String path = elections() + "/" + id;
        api.post(peer, path + "/candidates", Api.obj("statement", "我来带大家跑。")).andExpect(status().isCreated());
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        long candidate = Api.body(api.get(peer2, path)).get("candidates").get(0).get("id").asLong();
        api.post(peer, path + "/ballots", Api.obj("candidates", List.of(candidate))).andExpect(status().isCreated());
        api.post(peer2, path + "/ballots", Api.obj("candidates", List.of(candidate))).andExpect(status().isCreated());
        // the winner moves out of the group before the count
        api.delete(cast.admin(), community.base() + "/subgroups/" + shanghai + "/members/" + peer.id())
                .andExpect(status().is2xxSuccessful());
        clock.advance(Duration.ofDays(1));
        api.get(peer2, path).andExpect(jsonPath("$.phase").value("RESULT"));
        api.get(peer2, community.base() + "/subgroups/" + shanghai).andExpect(jsonPath("$.group.leaderId").value(leader.id()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from notifications where account_id = ? and kind = 'SUBGROUP_WINNER_GONE'")
                .param(cast.owner().id()).query(Integer.class).single() == 1);
        var told = Api.body(api.get(cast.owner(), "/api/v1/notifications")).get("items");
        assertThat(told.get(0).get("text").asString()).isEqualTo("分群「上海组」的组长选举选出了 上海组员，但 上海组员 已不在该组：请为该组指定组长。");
    }

    @Test
    void thePagesOpenAGroupsPollAndLeaderElectionLabelThemAndTheGroupsPageLinksThem() throws Exception {
        scene("SUBGROUP");
        var admin = new WebSession(mvc);
        long adminId = jdbc.sql("select id from accounts where email = ?").param(admin.register("页面管理员"))
                .query(Long.class).single();
        Members.add(jdbc, community.id(), adminId, "ADMIN");
        var member = new WebSession(mvc);
        long memberId = jdbc.sql("select id from accounts where email = ?").param(member.register("页面组员"))
                .query(Long.class).single();
        Members.add(jdbc, community.id(), memberId, "MEMBER");
        api.post(cast.admin(), community.base() + "/subgroups/" + shanghai + "/members", Api.obj("accountId", memberId))
                .andExpect(status().isOk());
        var stranger = new WebSession(mvc);
        long strangerId = jdbc.sql("select id from accounts where email = ?").param(stranger.register("页面路人"))
                .query(Long.class).single();
        Members.add(jdbc, community.id(), strangerId, "MEMBER");
        String c = "/c/" + community.slug();

        // the poll form offers the groups; a group from elsewhere is refused on its field, nothing written
        admin.get(c + "/polls/new?subgroup=" + shanghai).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"subgroupId\"")))
                .andExpect(content().string(containsString("value=\"" + shanghai + "\" selected")));
        int before = count("polls");
        admin.form(c + "/polls", "question", "错的组", "options", "甲\n乙", "maxChoices", "1",
                "closesAt", "2099-01-01T10:00", "results", "ALWAYS", "subgroupId", "987654321")
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("只能选择你所在的分群")));
        assertThat(count("polls")).isEqualTo(before);
        var closes = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3).withSecond(0).withNano(0);
        var landed = admin.form(c + "/polls", "question", "上海组下周几跑？", "options", "周二\n周四", "maxChoices", "1",
                "closesAt", closes.toString(), "results", "ALWAYS", "subgroupId", String.valueOf(shanghai))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long poll = Long.parseLong(landed.substring(landed.lastIndexOf('/') + 1));
        // its member sees it labelled and votes on the page; a stranger gets a 404 and no trace in the list
        member.get(c + "/polls/" + poll).andExpect(status().isOk())
                .andExpect(content().string(containsString("仅 上海组 可见")))
                .andExpect(content().string(containsString("name=\"option\"")));
        long option = jdbc.sql("select id from poll_options where poll_id = ? order by position").param(poll)
                .query(Long.class).list().getFirst();
        member.form(c + "/polls/" + poll + "/votes", "option", String.valueOf(option)).andExpect(status().is3xxRedirection());
        member.get(c + "/polls/" + poll).andExpect(content().string(containsString("poll-voted")));
        member.get(c + "/polls").andExpect(content().string(containsString("上海组下周几跑")));
        stranger.get(c + "/polls/" + poll).andExpect(status().isNotFound());
        stranger.get(c + "/polls").andExpect(status().isOk()).andExpect(content().string(not(containsString("上海组下周几跑"))));
        stranger.form(c + "/polls/" + poll + "/votes", "option", String.valueOf(option));
        assertThat(jdbc.sql("select count(*) from poll_voters where poll_id = ?").param(poll).query(Integer.class).single()).isOne();

        // the election form: an admin opens a group's leader election only (no community-wide choice), one seat
        admin.get(c + "/elections/new?subgroup=" + shanghai).andExpect(status().isOk())
                .andExpect(content().string(containsString("选举组长：上海组")))
                .andExpect(content().string(not(containsString("全体：选举骨干"))))
                .andExpect(content().string(containsString("name=\"seats\" min=\"1\" value=\"1\"")));
        var opens = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).withSecond(0).withNano(0);
        admin.form(c + "/elections", "title", "三席组长", "details", "", "seats", "3", "minMemberDays", "0", "termDays", "90",
                "votingOpensAt", opens.toString(), "votingClosesAt", opens.plusDays(1).toString(),
                "subgroupId", String.valueOf(shanghai))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("组长选举只有 1 个席位")));
        assertThat(count("elections")).isZero();
        var electionUrl = admin.form(c + "/elections", "title", "上海组组长选举", "details", "", "seats", "1",
                "minMemberDays", "0", "termDays", "90", "votingOpensAt", opens.toString(),
                "votingClosesAt", opens.plusDays(1).toString(), "subgroupId", String.valueOf(shanghai))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        member.get(electionUrl).andExpect(status().isOk())
                .andExpect(content().string(containsString("这是分群「上海组」选举组长")))
                .andExpect(content().string(containsString("href=\"" + c + "/groups/" + shanghai + "\"")))
                .andExpect(content().string(containsString("当选者任组长 90 天")));
        stranger.get(electionUrl).andExpect(status().isNotFound());
        stranger.get(c + "/elections").andExpect(content().string(not(containsString("上海组组长选举"))));
        // the group's page lists and links both, and offers its runners the buttons
        member.get(c + "/groups/" + shanghai).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"" + c + "/polls/" + poll + "\"")))
                .andExpect(content().string(containsString("href=\"" + electionUrl + "\"")))
                .andExpect(content().string(not(containsString("/elections/new?subgroup="))));
        admin.get(c + "/groups/" + shanghai).andExpect(content().string(allOf(
                containsString("/polls/new?subgroup=" + shanghai), containsString("/elections/new?subgroup=" + shanghai))));
    }
}
