package org.shequn.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.shequn.membership.MembershipLapses;
import org.shequn.payment.TestMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A paid member whose term ended without a renewal is, until they renew, no member to the other members either: gone
 * from the member directory, and no private messages on the strength of that community (they are written to and
 * write as anyone outside it would be). A refund that ends the membership does the same; a renewal restores both.
 */
@IntegrationTest
@TestPropertySource(properties = "shequn.payment.test.enabled=true")
class LapsedMembershipTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestMode testMode;
    @Autowired
    TestClock clock;
    @Autowired
    MembershipLapses lapses;
    @Autowired
    org.shequn.ledger.LedgerInvariants invariants;

    Api api;
    Api.User owner;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        owner = api.register("群主");
    }

    @AfterEach
    void checkTheLedger() {
        org.shequn.ledger.LedgerAssertions.assertBalanced(invariants);
    }

    String paidCommunity() throws Exception {
        var slug = Api.unique("lapse");
        api.post(owner, "/api/v1/communities", CommunityFixtures.settings(slug, "OPEN", 40)).andExpect(status().isCreated());
        api.put(owner, "/api/v1/communities/" + slug + "/entry",
                Api.obj("feeMinor", 9900, "termDays", 365, "renewalMinor", 6900, "refundHours", 72)).andExpect(status().isOk());
        return slug;
    }

    void payToEnter(String slug, Api.User user) throws Exception {
        var started = Api.body(api.post(user, "/api/v1/communities/" + slug + "/entry/checkout", Api.obj("channel", "TEST"))
                .andExpect(status().isCreated()));
        assertThat(testMode.simulateSuccess(started.get("paymentId").asLong(), user.id())).isTrue();
    }

    List<Long> listed(String slug) throws Exception {
        var items = Api.body(api.get(owner, "/api/v1/communities/" + slug + "/members?limit=50").andExpect(status().isOk()))
                .get("items");
        var ids = new ArrayList<Long>();
        items.forEach(i -> ids.add(i.get("accountId").asLong()));
        return ids;
    }

    int write(Api.User from, Api.User to) throws Exception {
        return api.post(from, "/api/v1/messages/" + to.id(), Map.of("body", "你好")).andReturn().getResponse().getStatus();
    }

    @Test
    void anEndedTermTakesTheMemberOutOfTheDirectoryAndMessagesUntilTheyRenew() throws Exception {
        var slug = paidCommunity();
        var lapsing = api.register("到期者");
        var staying = api.register("续期者");
        payToEnter(slug, lapsing);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listed(slug)).contains(lapsing.id()));
        clock.advance(Duration.ofDays(200));
        payToEnter(slug, staying);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listed(slug)).contains(staying.id()));
        assertThat(write(lapsing, staying)).isEqualTo(201);
        assertThat(write(staying, lapsing)).isEqualTo(201);

        // the first one's term ends (day 365); the other's runs on
        clock.advance(Duration.ofDays(166));
        assertThat(lapses.lapseDue()).isGreaterThanOrEqualTo(1);
        assertThat(lapses.lapseDue()).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listed(slug)).doesNotContain(lapsing.id()));
        assertThat(listed(slug)).contains(staying.id());
        // no new messages either way on the strength of that community (they are not friends)
        assertThat(write(lapsing, staying)).isEqualTo(403);
        assertThat(write(staying, lapsing)).isEqualTo(403);
        // their history stays: the conversation is still theirs to read
        api.get(lapsing, "/api/v1/messages/" + staying.id()).andExpect(status().isOk());

        // renewing restores both
        payToEnter(slug, lapsing);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listed(slug)).contains(lapsing.id()));
        assertThat(write(lapsing, staying)).isEqualTo(201);
        assertThat(write(staying, lapsing)).isEqualTo(201);
        assertThat(lapses.lapseDue()).isZero();
    }

    @Test
    void aCommunityThatStopsChargingListsItsLapsedMembersAgain() throws Exception {
        var slug = paidCommunity();
        var lapsing = api.register("到期者");
        payToEnter(slug, lapsing);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listed(slug)).contains(lapsing.id()));
        clock.advance(Duration.ofDays(366));
        lapses.lapseDue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listed(slug)).doesNotContain(lapsing.id()));
        api.delete(owner, "/api/v1/communities/" + slug + "/entry").andExpect(status().is2xxSuccessful());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listed(slug)).contains(lapsing.id()));
    }

    @Test
    void aRefundThatEndsTheMembershipTakesTheMemberOutOfTheDirectoryAndMessages() throws Exception {
        var slug = paidCommunity();
        var refunded = api.register("退款者");
        var other = api.register("同群");
        payToEnter(slug, refunded);
        payToEnter(slug, other);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listed(slug)).contains(refunded.id(), other.id()));
        assertThat(write(refunded, other)).isEqualTo(201);
        api.post(refunded, "/api/v1/communities/" + slug + "/entry/refund", null).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listed(slug)).doesNotContain(refunded.id()));
        assertThat(write(refunded, other)).isEqualTo(403);
        assertThat(write(other, refunded)).isEqualTo(403);
    }
}
