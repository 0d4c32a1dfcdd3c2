package org.shequn.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.Members;
import org.shequn.TestClock;
import org.shequn.TestCommunity;
import org.shequn.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Elections of core members (选举骨干) through HTTP: nomination, the roll fixed when voting opens, approval ballots
 * kept apart from the roll with a receipt each, the sequential Phragmén count giving a coherent minority its seat,
 * the winners as core members for a term and back to members after it, and every bad ballot refused.
 */
@IntegrationTest
@RecordApplicationEvents
class ElectionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    ApplicationEvents events;
    @Autowired
    Elections elections;

    Api api;

    record Scene(TestCommunity community, TestCommunity.Cast cast, List<Api.User> more) {
        String base() {
            return community.base() + "/elections";
        }
    }

    Scene scene(int more) throws Exception {
        api = new Api(mvc);
        var community = TestCommunity.create(api, jdbc, "elect-");
        var cast = community.cast();
        var extra = new ArrayList<Api.User>();
        for (int i = 0; i < more; i++) {
            extra.add(community.seat("选民" + (i + 1), "MEMBER"));
        }
        return new Scene(community, cast, extra);
    }

    JsonNode open(Scene s, int seats, int minMemberDays) throws Exception {
        var now = OffsetDateTime.now(clock);
        return Api.body(api.post(s.cast().owner(), s.base(), Api.obj("title", "第一届骨干选举", "details", "选出 2 位骨干。",
                "seats", seats, "minMemberDays", minMemberDays, "termDays", 30,
                "votingOpensAt", now.plusDays(1).toString(), "votingClosesAt", now.plusDays(2).toString())).andExpect(status().isCreated()));
    }

    long selfNominate(Scene s, long election, Api.User who, String statement) throws Exception {
        var body = Api.body(api.post(who, s.base() + "/" + election + "/candidates", Api.obj("statement", statement))
                .andExpect(status().isCreated()));
        for (var c : body.get("candidates")) {
            if (c.get("accountId").asLong() == who.id()) {
                return c.get("id").asLong();
            }
        }
        throw new IllegalStateException("not nominated");
    }

    String vote(Scene s, long election, Api.User who, Long... candidates) throws Exception {
        return Api.body(api.post(who, s.base() + "/" + election + "/ballots", Api.obj("candidates", List.of(candidates)))
                .andExpect(status().isCreated())).get("receipt").asString();
    }

    @Test
    void aCoherentMinorityWinsItsSeatTheWinnersBecomeCoreMembersAndTheTermEnds() throws Exception {
        var s = scene(4);
        var c = s.cast();
        long id = open(s, 2, 0).get("id").asLong();
        String path = s.base() + "/" + id;
        // X1 and X2 the majority's pair, Y the minority's: nominated in that order (the tie-break's order)
        long x1 = selfNominate(s, id, c.member(), "我来组织每周的读书会。");
        var nominatedX2 = Api.body(api.post(c.admin(), path + "/candidates",
                Api.obj("accountId", s.more().get(0).id(), "statement", "她读书最多。")).andExpect(status().isCreated()));
        long x2 = nominatedX2.get("candidates").get(1).get("id").asLong();
        assertThat(nominatedX2.get("candidates").get(1).get("accepted").asBoolean()).isFalse();
        api.post(c.admin(), path + "/candidates/" + x2 + "/acceptance", Api.obj()).andExpect(status().isForbidden());
        api.post(s.more().get(0), path + "/candidates/" + x2 + "/acceptance", Api.obj("statement", "我愿意。"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.candidates[1].accepted").value(true))
                .andExpect(jsonPath("$.candidates[1].statement").value("我愿意。"));
        long y = selfNominate(s, id, s.more().get(1), "我代表上海的成员。");
        // a nomination nobody accepts does not stand
        var unaccepted = Api.body(api.post(c.member(), path + "/candidates", Api.obj("accountId", c.core().id(),
                "statement", "你来吧。"))).get("candidates").get(3).get("id").asLong();
        api.post(c.core(), path + "/candidates", Api.obj("accountId", c.member().id(), "statement", "再提一次"))
                .andExpect(status().isConflict());
        // too early to vote
        api.post(c.owner(), path + "/ballots", Api.obj("candidates", List.of(x1))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("投票还没有开始。"));

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        var late = s.community().seat("迟到的人", "MEMBER");
        // seated by the fixture at the real time: they joined now, after voting opened
        jdbc.sql("update memberships set joined_at = ? where community_id = ? and account_id = ?")
                .params(OffsetDateTime.now(clock), s.community().id(), late.id()).update();
        api.get(c.member(), path).andExpect(status().isOk()).andExpect(jsonPath("$.phase").value("VOTING"))
                .andExpect(jsonPath("$.rollSize").value(8)).andExpect(jsonPath("$.onRoll").value(true));
        api.post(c.member(), path + "/candidates", Api.obj("statement", "晚了")).andExpect(status().isConflict());

        // the bad ballots: nothing written
        api.post(late, path + "/ballots", Api.obj("candidates", List.of(x1))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("不在这场选举的选民名单上")));
        api.post(c.owner(), path + "/ballots", Api.obj("candidates", List.of(unaccepted))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("选票上有不是候选人的人。"));
        api.post(c.owner(), path + "/ballots", Api.obj("candidates", List.of(x1, x2, y, x1))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("最多只能勾选 3 位候选人，且不能重复。"));
        api.post(c.owner(), path + "/ballots", Api.obj("candidates", List.of())).andExpect(status().isBadRequest());
        api.post(c.outsider(), path + "/ballots", Api.obj("candidates", List.of(x1))).andExpect(status().isForbidden());
        assertThat(ballots(id)).isZero();
        assertThat(voted(id)).isZero();

        // five approve the majority's pair, three the minority's candidate
        var majority = List.of(c.owner(), c.admin(), c.core(), c.member(), s.more().get(0));
        var minority = List.of(s.more().get(1), s.more().get(2), s.more().get(3));
        var receipts = new ArrayList<String>();
        for (var voter : majority) {
            receipts.add(vote(s, id, voter, x1, x2));
        }
        for (var voter : minority) {
            receipts.add(vote(s, id, voter, y));
        }
        assertThat(new HashSet<>(receipts)).hasSize(8);
        api.post(c.member(), path + "/ballots", Api.obj("candidates", List.of(y))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("你已经投过票了，每人只能投一次。"));
        assertThat(ballots(id)).isEqualTo(8);
        assertThat(events.stream(ElectionVoted.class).filter(e -> e.electionId() == id).map(ElectionVoted::accountId))
                .hasSize(8).contains(c.member().id(), s.more().get(3).id());
        // no result while voting
        api.get(c.owner(), path).andExpect(jsonPath("$.result").doesNotExist()).andExpect(jsonPath("$.votedCount").value(8));

        clock.advance(Duration.ofDays(1));
        api.post(late, path + "/ballots", Api.obj("candidates", List.of(x1))).andExpect(status().isConflict());
        var result = Api.body(api.get(c.member(), path).andExpect(status().isOk()).andExpect(jsonPath("$.phase").value("RESULT")));
        // X1 at 1/5; then Y at 1/3 beats X2 at (1 + 5·1/5)/5 = 2/5
        assertThat(result.get("result").get("elected").get(0).asString()).isEqualTo("普通成员");
        assertThat(result.get("result").get("elected").get(1).asString()).isEqualTo("选民2");
        assertThat(result.get("result").get("rounds").get(0).get("load").asString()).isEqualTo("1/5");
        assertThat(result.get("result").get("rounds").get(1).get("load").asString()).isEqualTo("1/3");
        var ballotList = result.get("result").get("ballotList");
        assertThat(ballotList.size()).isEqualTo(8);
        var listed = new ArrayList<String>();
        ballotList.forEach(b -> listed.add(b.get("receipt").asString()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(receipts).isSorted();
        // the winners are core members until the term's end; the runner-up is not
        assertThat(role(s, c.member().id())).isEqualTo("CORE");
        assertThat(role(s, s.more().get(1).id())).isEqualTo("CORE");
        assertThat(role(s, s.more().get(0).id())).isEqualTo("MEMBER");
        assertThat(jdbc.sql("select core_until from memberships where community_id = ? and account_id = ?")
                .params(s.community().id(), c.member().id()).query(OffsetDateTime.class).single()).isNotNull();
        // a second look counts nothing again
        api.get(c.owner(), path).andExpect(jsonPath("$.result.elected.length()").value(2));
        assertThat(jdbc.sql("select count(*) from election_candidates where election_id = ? and elected_rank is not null")
                .param(id).query(Integer.class).single()).isEqualTo(2);

        // the term ends: back to members, and the owner is told to hold the next election
        clock.advance(Duration.ofDays(31));
        elections.settleDue(100);
        assertThat(role(s, c.member().id())).isEqualTo("MEMBER");
        assertThat(role(s, s.more().get(1).id())).isEqualTo("MEMBER");
        assertThat(events.stream(ElectionTermEnded.class).filter(e -> e.electionId() == id))
                .singleElement().satisfies(e -> assertThat(e.ownerId()).isEqualTo(c.owner().id()));
        api.get(c.owner(), path).andExpect(jsonPath("$.termEnded").value(true));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from notifications where account_id = ? and kind = 'ELECTION_TERM_ENDED'")
                .param(c.owner().id()).query(Integer.class).single()).isOne());
        api.get(c.owner(), "/api/v1/notifications").andExpect(jsonPath("$.items[0].kind").value("ELECTION_TERM_ENDED"))
                .andExpect(jsonPath("$.items[0].link").value("/c/" + s.community().slug() + "/elections"));
    }

    @Test
    void noColumnOfTheBallotTablesCanNameAVoterOrOrderBallotsByArrival() throws Exception {
        assertThat(columns("election_ballots")).containsExactlyInAnyOrder("election_id", "receipt");
        assertThat(columns("election_marks")).containsExactlyInAnyOrder("election_id", "receipt", "candidate_id");
        // the roll says who voted, never which ballot
        assertThat(columns("election_roll")).containsExactlyInAnyOrder("election_id", "account_id", "voted");
        // and nothing else in the schema names a receipt
        assertThat(jdbc.sql("""
                select lower(table_name) from information_schema.columns
                where lower(column_name) = 'receipt' and lower(table_schema) not in ('information_schema', 'pg_catalog')""")
                .query(String.class).list()).containsOnly("election_ballots", "election_marks");

        // two voters, two ballots with the same choice: nothing in the rows tells which is whose
        var s = scene(0);
        var c = s.cast();
        long id = open(s, 1, 0).get("id").asLong();
        long candidate = selfNominate(s, id, c.member(), "我来。");
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        var first = vote(s, id, c.owner(), candidate);
        var second = vote(s, id, c.admin(), candidate);
        var rows = jdbc.sql("select * from election_ballots where election_id = ?").param(id).query().listOfRows();
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.keySet()).map(String::toLowerCase)
                .containsExactlyInAnyOrder("election_id", "receipt"));
        assertThat(rows.stream().map(r -> r.values().stream().filter(v -> v instanceof String).findFirst().orElseThrow()))
                .containsExactlyInAnyOrder(first, second);
        assertThat(first).matches("[2-9A-HJKMNP-Z]{12}");
    }

    @Test
    void theRollHoldsOnlyMembersOfLongEnoughNotBannedOrMuted() throws Exception {
        var s = scene(3);
        var c = s.cast();
        long id = open(s, 1, 10).get("id").asLong();
        // everyone joined just now: make the cast and one voter older members, leave two new
        jdbc.sql("update memberships set joined_at = ? where community_id = ? and account_id in (?, ?, ?)")
                .params(OffsetDateTime.now(clock).minusDays(30), s.community().id(), c.owner().id(), c.member().id(),
                        s.more().get(0).id()).update();
        api.post(s.more().get(1), s.base() + "/" + id + "/candidates", Api.obj("statement", "我刚来。"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(containsString("不满 10 天")));
        long candidate = selfNominate(s, id, c.member(), "我来。");
        // the old voter is muted past the opening
        jdbc.sql("insert into member_mutes (community_id, account_id, until_at, reason, muted_by) values (?, ?, ?, '刷屏', ?)")
                .params(s.community().id(), s.more().get(0).id(), OffsetDateTime.now(clock).plusDays(5), c.owner().id())
                .update();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        api.get(c.owner(), s.base() + "/" + id).andExpect(jsonPath("$.rollSize").value(2));
        vote(s, id, c.owner(), candidate);
        api.post(s.more().get(0), s.base() + "/" + id + "/ballots", Api.obj("candidates", List.of(candidate)))
                .andExpect(status().isForbidden());
        api.post(s.more().get(1), s.base() + "/" + id + "/ballots", Api.obj("candidates", List.of(candidate)))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyTheOwnerOpensAnElectionAndABadOneIsRefused() throws Exception {
        var s = scene(0);
        var c = s.cast();
        var now = OffsetDateTime.now(clock);
        var good = Api.obj("title", "选举", "seats", 2, "termDays", 30, "votingOpensAt", now.plusDays(1).toString(),
                "votingClosesAt", now.plusDays(2).toString());
        api.post(c.admin(), s.base(), good).andExpect(status().isForbidden());
        api.post(c.core(), s.base(), good).andExpect(status().isForbidden());
        long before = jdbc.sql("select count(*) from elections").query(Long.class).single();
        api.post(c.owner(), s.base(), Api.obj("title", "选举", "seats", 0, "termDays", 0,
                        "votingOpensAt", now.plusDays(2).toString(), "votingClosesAt", now.plusDays(1).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'seats')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'termDays')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'votingClosesAt')].message").value("投票截止时间要在投票开始之后、一年之内。"));
        api.post(c.owner(), s.base(), Api.obj("title", "选举", "seats", 1, "termDays", 3,
                "votingOpensAt", now.minusHours(1).toString(), "votingClosesAt", now.plusDays(1).toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[?(@.field == 'votingOpensAt')]").exists());
        assertThat(jdbc.sql("select count(*) from elections").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void thePagesTakeANominationAndABallotShowTheReceiptOnceAndKeepStatementsInert() throws Exception {
        var s = scene(0);
        var web = new WebSession(mvc);
        long me = jdbc.sql("select id from accounts where email = ?").param(web.register("页面候选人")).query(Long.class).single();
        Members.add(jdbc, s.community().id(), me, "MEMBER");
        long id = open(s, 1, 0).get("id").asLong();
        var page = "/c/" + s.community().slug() + "/elections/" + id;
        web.get(page).andExpect(status().isOk()).andExpect(content().string(containsString("提名中")))
                .andExpect(content().string(containsString("群主、管理员和其他成员都无法知道你投给了谁")))
                .andExpect(content().string(containsString("能直接访问数据库的人")))
                .andExpect(content().string(containsString("平局规则")));
        var xss = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        web.form(page + "/candidates", "accountId", "", "statement", xss).andExpect(status().is3xxRedirection());
        web.get(page).andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<img src=x"))));
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        long candidate = jdbc.sql("select id from election_candidates where election_id = ?").param(id).query(Long.class).single();
        var landed = web.form(page + "/ballots", "candidate", String.valueOf(candidate))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(landed).isEqualTo(page);
        String receipt = jdbc.sql("select receipt from election_ballots where election_id = ?").param(id).query(String.class).single();
        web.get(page).andExpect(content().string(containsString("你的回执码：" + receipt)));
        // shown once: the next look says only that one has voted
        web.get(page).andExpect(content().string(not(containsString(receipt))))
                .andExpect(content().string(containsString("你已经投过票了")));
        web.form(page + "/ballots", "candidate", String.valueOf(candidate)).andExpect(status().is3xxRedirection());
        web.get(page).andExpect(content().string(containsString("每人只能投一次")));
        clock.advance(Duration.ofDays(1));
        web.get(page).andExpect(content().string(containsString("已公布结果")))
                .andExpect(content().string(containsString("id=\"ballot-" + receipt + "\"")))
                .andExpect(content().string(containsString("第 1 轮：页面候选人 当选，负担 1")));
    }

    int ballots(long election) {
        return jdbc.sql("select count(*) from election_ballots where election_id = ?").param(election).query(Integer.class).single();
    }

    int voted(long election) {
        return jdbc.sql("select count(*) from election_roll where election_id = ? and voted").param(election)
                .query(Integer.class).single();
    }

    String role(Scene s, long account) {
        return jdbc.sql("select role from memberships where community_id = ? and account_id = ?")
                .params(s.community().id(), account).query(String.class).single();
    }

    List<String> columns(String table) {
        return jdbc.sql("""
                select lower(column_name) from information_schema.columns
                where lower(table_name) = ? and lower(table_schema) not in ('information_schema', 'pg_catalog')""")
                .param(table).query(String.class).list();
    }
}
