package org.shequn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.shequn.ledger.LedgerAssertions;
import org.shequn.ledger.LedgerInvariants;
import org.shequn.payment.TestMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Disputes (争议) through HTTP: a buyer whose refund the merchant refused, or whose order was delivered within the
 * window, opens one; the merchant answers; an operator decides a refund in part (the payment refunded, each party's
 * share taken back in the ledger) or a rejection. Every refusal writes nothing; the ledger holds after each scenario.
 */
@IntegrationTest
@TestPropertySource(properties = {"shequn.payment.test.enabled=true", "shequn.operators=" + DisputeTests.OPERATOR_EMAIL})
class DisputeTests {

    static final String OPERATOR_EMAIL = "dispute-operator@example.com";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TestMode testMode;
    @Autowired
    LedgerInvariants invariants;
    @Autowired
    org.shequn.ledger.Ledger ledger;

    Api api;

    @AfterEach
    void resetClockAndCheckTheLedger() {
        clock.reset();
        LedgerAssertions.assertBalanced(invariants);
    }

    CommerceFixtures.Scene scene() throws Exception {
        api = new Api(mvc);
        return new CommerceFixtures(api, jdbc).storeSelling("争议之书", Map.of("版本", "精装"), "59.00", 5, "dispute-");
    }

    Api.User operator() throws Exception {
        return new Api(mvc).operator(OPERATOR_EMAIL, "争议运营");
    }

    ResultActions withKey(Api.User user, String path, Object body) throws Exception {
        return new Api(mvc).postWithKey(user, path, body);
    }

    /** A paid order of one unit at 59.00. */
    long paidOrder(CommerceFixtures.Scene s, Api.User buyer) throws Exception {
        return new CommerceFixtures(new Api(mvc), jdbc).paidOrder(s, buyer, "59.00", testMode);
    }

    long refunded(long orderId) {
        return jdbc.sql("select p.refunded_minor from payments p join orders o on o.payment_id = p.id where o.id = ?")
                .param(orderId).query(Long.class).single();
    }

    long disputes(long orderId) {
        return jdbc.sql("select count(*) from order_disputes where order_id = ?").param(orderId).query(Long.class).single();
    }

    @Test
    void aRefusedRefundIsDisputedAnsweredAndDecidedWithAPartRefundThatTheLedgerTakesBack() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        var operator = operator();
        long id = paidOrder(s, buyer);
        var base = "/api/v1/orders/" + id + "/dispute";

        // before anything was refused, and not delivered: nothing to dispute
        api.post(buyer, base, Api.obj("reason", "书有破损")).andExpect(status().isConflict());
        api.post(buyer, "/api/v1/orders/" + id + "/refund-request", null).andExpect(status().isOk());
        api.post(s.merchant(), "/api/v1/orders/" + id + "/refund/reject", null).andExpect(status().isOk());

        // bad reasons, strangers and the merchant write nothing
        api.post(buyer, base, Api.obj("reason", "   ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.post(buyer, base, Api.obj("reason", "x".repeat(1001))).andExpect(status().isBadRequest());
        api.post(buyer, base, Api.obj("reason", "坏\u0007字")).andExpect(status().isBadRequest());
        api.post(s.cast().core(), base, Api.obj("reason", "我也要")).andExpect(status().isNotFound());
        api.post(s.merchant(), base, Api.obj("reason", "商家自己")).andExpect(status().isNotFound());
        api.post(null, base, Api.obj("reason", "匿名")).andExpect(status().isUnauthorized());
        assertThat(disputes(id)).isZero();

        api.post(buyer, base, Api.obj("reason", "书有破损，<b>商家</b>拒绝退款")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.reason").value("书有破损，<b>商家</b>拒绝退款"));
        api.post(buyer, base, Api.obj("reason", "再来一次")).andExpect(status().isConflict());
        assertThat(disputes(id)).isOne();
        api.get(s.merchant(), base).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OPEN"));
        api.get(s.cast().core(), base).andExpect(status().isNotFound());

        // the merchant answers, once; nobody else can
        api.post(buyer, base + "/answer", Api.obj("answer", "我来答")).andExpect(status().isNotFound());
        api.post(s.merchant(), base + "/answer", Api.obj("answer", "")).andExpect(status().isBadRequest());
        api.post(s.merchant(), base + "/answer", Api.obj("answer", "发货时完好")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED")).andExpect(jsonPath("$.answer").value("发货时完好"));
        api.post(s.merchant(), base + "/answer", Api.obj("answer", "再答")).andExpect(status().isConflict());

        // the operator's queue; no one else's
        long disputeId = Api.body(api.get(buyer, base)).get("id").asLong();
        api.get(buyer, "/api/v1/operator/disputes").andExpect(status().isForbidden());
        api.get(null, "/api/v1/operator/disputes").andExpect(status().isUnauthorized());
        var queue = Api.body(api.get(operator, "/api/v1/operator/disputes").andExpect(status().isOk()));
        boolean listed = false;
        for (var d : queue) {
            listed |= d.get("id").asLong() == disputeId;
        }
        assertThat(listed).isTrue();
        api.get(operator, base).andExpect(status().isOk());

        // a decision: refused input and callers change nothing
        var decision = "/api/v1/operator/disputes/" + disputeId + "/decision";
        api.post(s.merchant(), decision, Api.obj("outcome", "REFUND", "amount", "20.00")).andExpect(status().isForbidden());
        api.post(operator, decision, Api.obj("outcome", "REFUND", "amount", "59.01")).andExpect(status().isBadRequest());
        api.post(operator, decision, Api.obj("outcome", "REFUND", "amount", "-1")).andExpect(status().isBadRequest());
        api.post(operator, decision, Api.obj("outcome", "MAYBE")).andExpect(status().isBadRequest());
        assertThat(refunded(id)).isZero();

        long communityId = jdbc.sql("select community_id from orders where id = ?").param(id).query(Long.class).single();
        var commission = org.shequn.ledger.Account.communityCommission(communityId);
        long before = ledger.balance(commission).total().minor();
        api.post(operator, decision, Api.obj("outcome", "REFUND", "amount", "20.00", "note", "部分退款"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REFUNDED"))
                .andExpect(jsonPath("$.refund.minor").value(2000)).andExpect(jsonPath("$.decisionNote").value("部分退款"));
        assertThat(refunded(id)).isEqualTo(2000);
        // the community gives back its share of the 20.00 (its commission is 10% of the split's commission base)
        assertThat(ledger.balance(commission).total().minor()).isLessThan(before);
        LedgerAssertions.assertBalanced(invariants, Map.of("order:" + id, org.shequn.shared.money.Money.cny(3900)));
        api.post(operator, decision, Api.obj("outcome", "REJECT")).andExpect(status().isConflict());
        api.post(s.merchant(), base + "/answer", Api.obj("answer", "太晚")).andExpect(status().isConflict());
        assertThat(refunded(id)).isEqualTo(2000);
        api.get(buyer, base).andExpect(jsonPath("$.status").value("REFUNDED"));

        // each side was told: the merchant of the dispute, the buyer of the answer, both of the decision (once each)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(notifications(s.merchant(), "DISPUTE_OPENED")).isOne();
            assertThat(notifications(buyer, "DISPUTE_ANSWERED")).isOne();
            assertThat(notifications(buyer, "DISPUTE_REFUNDED")).isOne();
            assertThat(notifications(s.merchant(), "DISPUTE_REFUNDED")).isOne();
        });
        api.get(buyer, "/api/v1/notifications").andExpect(status().isOk());
    }

    int notifications(Api.User user, String kind) {
        return jdbc.sql("select count(*) from notifications where account_id = ? and kind = ?").params(user.id(), kind)
                .query(Integer.class).single();
    }

    @Test
    void aDeliveredOrderIsDisputedWithinTheWindowOnlyAndARejectionRefundsNothing() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        var operator = operator();
        long late = paidOrder(s, buyer);
        long id = paidOrder(s, buyer);
        for (long order : new long[] {late, id}) {
            api.post(s.merchant(), "/api/v1/orders/" + order + "/shipment", Api.obj("carrier", "顺丰", "trackingNo", "SF1"))
                    .andExpect(status().isOk());
            api.post(buyer, "/api/v1/orders/" + order + "/receipt", null).andExpect(jsonPath("$.status").value("COMPLETED"));
        }
        clock.advance(Duration.ofDays(16));
        api.post(buyer, "/api/v1/orders/" + late + "/dispute", Api.obj("reason", "过期了")).andExpect(status().isConflict());
        clock.reset();
        api.post(buyer, "/api/v1/orders/" + id + "/dispute", Api.obj("reason", "少了一页")).andExpect(status().isCreated());
        long disputeId = Api.body(api.get(buyer, "/api/v1/orders/" + id + "/dispute")).get("id").asLong();
        // decided without waiting for the merchant's answer
        api.post(operator, "/api/v1/operator/disputes/" + disputeId + "/decision", Api.obj("outcome", "REJECT", "note", "证据不足"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.refund").doesNotExist());
        assertThat(refunded(id)).isZero();
        api.post(s.merchant(), "/api/v1/orders/" + id + "/dispute/answer", Api.obj("answer", "已驳回")).andExpect(status().isConflict());
        api.post(operator, "/api/v1/operator/disputes/" + disputeId + "/decision", Api.obj("outcome", "REFUND", "amount", "1.00"))
                .andExpect(status().isConflict());
        assertThat(refunded(id)).isZero();
    }

    @Test
    void theApiQueueIsStillABareListOldestFirstWithTheNextPageInALinkHeader() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        var operator = operator();
        var mine = new java.util.ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            long id = paidOrder(s, buyer);
            api.post(buyer, "/api/v1/orders/" + id + "/refund-request", null).andExpect(status().isOk());
            api.post(s.merchant(), "/api/v1/orders/" + id + "/refund/reject", null).andExpect(status().isOk());
            mine.add(Api.body(api.post(buyer, "/api/v1/orders/" + id + "/dispute", Api.obj("reason", "破损 " + i))
                    .andExpect(status().isCreated())).get("id").asLong());
        }
        // without parameters: the list it always was, all of mine in it
        var all = Api.body(api.get(operator, "/api/v1/operator/disputes").andExpect(status().isOk()));
        assertThat(all.isArray()).isTrue();
        var ids = new java.util.ArrayList<Long>();
        all.forEach(d -> ids.add(d.get("id").asLong()));
        assertThat(ids).containsAll(mine);

        // two a page, following rel="next": the same disputes, in the same order, each once; the last page has no link
        var paged = new java.util.ArrayList<Long>();
        String next = "/api/v1/operator/disputes?limit=2";
        for (int pages = 0; next != null && pages < 500; pages++) {
            var response = api.get(operator, next).andExpect(status().isOk()).andReturn().getResponse();
            var page = Api.read(response.getContentAsString());
            assertThat(page.size()).isBetween(0, 2);
            page.forEach(d -> paged.add(d.get("id").asLong()));
            var link = response.getHeader("Link");
            next = link == null ? null : link.replaceAll("^<([^>]+)>; rel=\"next\"$", "$1");
            if (link != null) {
                assertThat(next).startsWith("/api/v1/operator/disputes?cursor=").endsWith("&limit=2");
            }
        }
        assertThat(next).isNull();
        assertThat(paged).containsExactlyElementsOf(ids);

        // a bad page or cursor is a 400; others learn nothing
        api.get(operator, "/api/v1/operator/disputes?limit=0").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        api.get(operator, "/api/v1/operator/disputes?limit=201").andExpect(status().isBadRequest());
        api.get(operator, "/api/v1/operator/disputes?cursor=xyz!").andExpect(status().isBadRequest());
        api.get(buyer, "/api/v1/operator/disputes?limit=0").andExpect(status().isForbidden());
        api.get(null, "/api/v1/operator/disputes?cursor=xyz!").andExpect(status().isUnauthorized());

        // the amount is read in the order's currency (CNY is the only one Shequn takes): "20.5" is ¥20.50
        api.post(operator, "/api/v1/operator/disputes/" + mine.get(0) + "/decision", Api.obj("outcome", "REFUND",
                "amount", "20.5")).andExpect(status().isOk()).andExpect(jsonPath("$.refund.minor").value(2050))
                .andExpect(jsonPath("$.refund.currency").value("CNY"));
        for (long d : mine.subList(1, 3)) {
            api.post(operator, "/api/v1/operator/disputes/" + d + "/decision", Api.obj("outcome", "REJECT"))
                    .andExpect(status().isOk());
        }
    }
}
