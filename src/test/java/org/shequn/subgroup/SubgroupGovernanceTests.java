package org.shequn.subgroup;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestCommunity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The governance mode through HTTP: when the community goes by sub-group a group's leader creates and runs events
 * and check-in challenges for their group (edit, cancel, approve, check guests in, review), and nothing outside it;
 * centralized, only the owner and admins do. Events and challenges scoped to a group are its members' and the
 * runners' (404 for anyone else), and only its members register or check in.
 */
@IntegrationTest
class SubgroupGovernanceTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Api api;
    TestCommunity community;
    TestCommunity.Cast cast;
    long shanghai;
    long beijing;
    /** 上海组's leader (a plain member), and a member of it. */
    Api.User leader;
    Api.User peer;

    void scene(String mode) throws Exception {
        api = new Api(mvc);
        community = TestCommunity.create(api, jdbc, "gov-");
        cast = community.cast();
        leader = community.seat("上海组长", "MEMBER");
        peer = community.seat("上海组员", "MEMBER");
        shanghai = group("上海组", leader);
        beijing = group("北京组", cast.core());
        join(shanghai, peer);
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

    static Map<String, Object> event(String title, Long subgroupId) {
        var start = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7).withSecond(0).withNano(0);
        return Api.obj("title", title, "description", "一起跑步。", "kind", "OFFLINE", "start", start.toString(),
                "end", start.plusHours(2).toString(), "place", "世纪公园", "capacity", 10, "subgroupId", subgroupId);
    }

    static Map<String, Object> challenge(String title, Long subgroupId) {
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        return Api.obj("title", title, "rules", "每天跑步。", "startsOn", today.minusDays(3).toString(),
                "endsOn", today.plusDays(30).toString(), "frequency", "DAILY", "subgroupId", subgroupId);
    }

    org.springframework.test.web.servlet.ResultActions checkIn(Api.User who, String path, String text) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.multipart(path).param("text", text).header("Authorization", who.bearer()));
    }

    String events() {
        return community.base() + "/events";
    }

    String checkins() {
        return community.base() + "/checkins";
    }

    @Test
    void bySubgroupALeaderRunsTheirGroupsEventAndNothingElse() throws Exception {
        scene("SUBGROUP");
        var created = Api.body(api.post(leader, events(), event("上海组夜跑", shanghai)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.scopeName").value("上海组")).andExpect(jsonPath("$.runs").value(true)));
        long id = created.get("id").asLong();
        api.put(leader, events() + "/" + id, event("上海组夜跑（改）", shanghai)).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("上海组夜跑（改）"));
        // a member of the group registers; the leader sees the guest list and checks the guest in at the door
        var mine = Api.body(api.post(peer, events() + "/" + id + "/registration", Api.obj("answers", List.of()))
                .andExpect(status().isOk()));
        api.get(leader, events() + "/" + id + "/registrations").andExpect(status().isOk());
        var ticket = mine.get("mine").get("ticketUrl").asString();
        var door = Api.obj("ticket", ticket.substring(ticket.lastIndexOf('/') + 1));
        // the leader is staff at the door: a week early the ticket is refused for its day (409), not the leader (403)
        api.post(leader, events() + "/" + id + "/check-ins", door).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("活动日")));
        api.post(peer, events() + "/" + id + "/check-ins", door).andExpect(status().isForbidden());

        // not for another group, nor for the whole community, nor another group's event
        api.post(leader, events(), event("北京组的活动", beijing)).andExpect(status().isForbidden());
        api.post(leader, events(), event("全体活动", null)).andExpect(status().isForbidden());
        long theirs = Api.body(api.post(cast.admin(), events(), event("北京组聚餐", beijing)).andExpect(status().isCreated()))
                .get("id").asLong();
        long everyone = Api.body(api.post(cast.admin(), events(), event("年会", null)).andExpect(status().isCreated()))
                .get("id").asLong();
        api.put(leader, events() + "/" + theirs, event("改别组", beijing)).andExpect(status().isNotFound());
        api.put(leader, events() + "/" + everyone, event("改全体", null)).andExpect(status().isForbidden());
        api.post(leader, events() + "/" + everyone + "/cancel", Api.obj()).andExpect(status().isForbidden());
        api.get(leader, events() + "/" + everyone + "/registrations").andExpect(status().isForbidden());
        // a plain member of the group runs nothing
        api.post(peer, events(), event("组员的活动", shanghai)).andExpect(status().isForbidden());
        api.post(leader, events() + "/" + id + "/cancel", Api.obj()).andExpect(status().isNoContent());
    }

    @Test
    void bySubgroupALeaderRunsTheirGroupsChallengeAndReviewsItsCheckIns() throws Exception {
        scene("SUBGROUP");
        long id = Api.body(api.post(leader, checkins(), challenge("上海组晨跑", shanghai)).andExpect(status().isCreated()))
                .get("id").asLong();
        api.put(leader, checkins() + "/" + id, challenge("上海组晨跑（改）", shanghai)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.scopeName")
                        .value("上海组"));
        // its page and the list say whose it is
        for (var page : new String[] {"/c/" + community.slug() + "/checkins/" + id, "/c/" + community.slug() + "/checkins"}) {
            api.get(peer, page).andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result
                    .MockMvcResultMatchers.content().string(org.hamcrest.Matchers.containsString("仅 上海组 可见")));
        }
        var entry = Api.body(checkIn(peer, checkins() + "/" + id + "/entries", "第一天").andExpect(status().isCreated()));
        long checkIn = entry.get("id").asLong();
        api.post(leader, checkins() + "/" + id + "/entries/" + checkIn + "/reviews", Api.obj("text", "配速不错"))
                .andExpect(status().isOk());
        api.post(leader, checkins(), challenge("北京组打卡", beijing)).andExpect(status().isForbidden());
        api.post(leader, checkins(), challenge("全体打卡", null)).andExpect(status().isForbidden());
        long everyone = Api.body(api.post(cast.owner(), checkins(), challenge("全体打卡", null)).andExpect(status().isCreated()))
                .get("id").asLong();
        api.put(leader, checkins() + "/" + everyone, challenge("改全体", null)).andExpect(status().isForbidden());
        api.post(leader, checkins() + "/" + everyone + "/close", Api.obj()).andExpect(status().isForbidden());
        api.post(leader, checkins() + "/" + id + "/close", Api.obj()).andExpect(status().isOk());
    }

    @Test
    void centralizedOnlyTheRunnersRunEvenAGroupsOwnThings() throws Exception {
        scene("CENTRALIZED");
        api.post(leader, events(), event("上海组夜跑", shanghai)).andExpect(status().isForbidden());
        api.post(leader, checkins(), challenge("上海组晨跑", shanghai)).andExpect(status().isForbidden());
        long id = Api.body(api.post(cast.admin(), events(), event("上海组夜跑", shanghai)).andExpect(status().isCreated()))
                .get("id").asLong();
        api.put(leader, events() + "/" + id, event("改", shanghai)).andExpect(status().isForbidden());
        api.get(leader, events() + "/" + id + "/registrations").andExpect(status().isForbidden());
        long challenge = Api.body(api.post(cast.owner(), checkins(), challenge("上海组晨跑", shanghai))
                .andExpect(status().isCreated())).get("id").asLong();
        api.put(leader, checkins() + "/" + challenge, challenge("改", shanghai)).andExpect(status().isForbidden());
        // the group's members see and take part; the others never see them
        api.get(leader, events() + "/" + id).andExpect(status().isOk()).andExpect(jsonPath("$.runs").value(false));
        api.get(cast.core(), events() + "/" + id).andExpect(status().isNotFound());
        api.post(cast.core(), events() + "/" + id + "/registration", Api.obj("answers", List.of())).andExpect(status().isNotFound());
        api.get(cast.core(), events()).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("上海组夜跑"))));
        api.get(peer, events()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("上海组夜跑")));
        api.get(cast.core(), checkins() + "/" + challenge).andExpect(status().isNotFound());
        api.get(cast.core(), checkins()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("上海组晨跑"))));
        checkIn(cast.core(), checkins() + "/" + challenge + "/entries", "蹭一下")
                .andExpect(status().isNotFound());
        // the owner looks but does not take part
        api.get(cast.owner(), checkins() + "/" + challenge).andExpect(status().isOk());
        checkIn(cast.owner(), checkins() + "/" + challenge + "/entries", "群主")
                .andExpect(status().isForbidden());
        api.post(cast.owner(), events() + "/" + id + "/registration", Api.obj("answers", List.of())).andExpect(status().isForbidden());
        // the group's page lists them for its members
        api.get(peer, "/c/" + community.slug() + "/groups/" + shanghai).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("上海组夜跑"),
                                org.hamcrest.Matchers.containsString("上海组晨跑"))));
    }
}
