package org.shequn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.ledger.LedgerAssertions;
import org.shequn.ledger.LedgerInvariants;
import org.shequn.payment.Payments;
import org.shequn.payment.TestMode;
import org.shequn.shared.money.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A dispute's refund is asked of the channel outside the database transaction, so money is neither lost nor doubled
 * when that goes wrong: a channel that refuses leaves the dispute undecided (and refunds nothing); a decision
 * interrupted after the channel refunded is finished once, by the order clock, under the same idempotency key.
 */
@IntegrationTest
// the same properties as DisputeTests: one application context for both
@TestPropertySource(properties = {"shequn.payment.test.enabled=true", "shequn.operators=" + DisputeTests.OPERATOR_EMAIL})
class DisputeRefundTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestMode testMode;
    @Autowired
    LedgerInvariants invariants;
    @Autowired
    Payments payments;
    @Autowired
    Disputes disputes;

    Api api;

    @AfterEach
    void theLedgerHolds() {
        LedgerAssertions.assertBalanced(invariants);
    }

    Api.User operator() throws Exception {
        return new Api(mvc).operator(DisputeTests.OPERATOR_EMAIL, "争议运营");
    }

    ResultActions withKey(Api.User user, String path, Object body) throws Exception {
        return new Api(mvc).postWithKey(user, path, body);
    }

    CommerceFixtures.Scene scene;

    /** A paid order of one unit at 59.00 whose refund its merchant refused, disputed by its buyer: its id. */
    long disputedOrder() throws Exception {
        api = new Api(mvc);
        var s = scene = new CommerceFixtures(api, jdbc).storeSelling("退款之书", Map.of("版本", "精装"), "59.00", 5, "dispute-refund-");
        var buyer = s.cast().member();
        long id = new CommerceFixtures(api, jdbc).paidOrder(s, buyer, "59.00", testMode);
        api.post(buyer, "/api/v1/orders/" + id + "/refund-request", null).andExpect(status().isOk());
        api.post(s.merchant(), "/api/v1/orders/" + id + "/refund/reject", null).andExpect(status().isOk());
        api.post(buyer, "/api/v1/orders/" + id + "/dispute", Api.obj("reason", "书有破损")).andExpect(status().isCreated());
        return id;
    }

    long paymentId(long orderId) {
        return jdbc.sql("select payment_id from orders where id = ?").param(orderId).query(Long.class).single();
    }

    long disputeId(long orderId) {
        return jdbc.sql("select id from order_disputes where order_id = ?").param(orderId).query(Long.class).single();
    }

    long refunded(long orderId) {
        return jdbc.sql("select refunded_minor from payments where id = ?").param(paymentId(orderId)).query(Long.class).single();
    }

    long orderRefunds(long orderId) {
        return jdbc.sql("select count(*) from order_refunds where order_id = ? and status = 'APPROVED'").param(orderId)
                .query(Long.class).single();
    }

    @Test
    void aChannelThatRefusesLeavesTheDisputeUndecidedAndRefundsNothing() throws Exception {
        long id = disputedOrder();
        var operator = operator();
        long disputeId = disputeId(id);
        // 1.00 of the payment went back some other way: the channel will refuse the order's whole 59.00
        payments.refund(paymentId(id), Money.cny(100), "elsewhere-" + id);
        var decision = "/api/v1/operator/disputes/" + disputeId + "/decision";
        api.post(operator, decision, Api.obj("outcome", "REFUND", "amount", "59.00")).andExpect(status().isBadRequest());
        api.get(operator, "/api/v1/orders/" + id + "/dispute").andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.refund").doesNotExist()).andExpect(jsonPath("$.decisionNote").doesNotExist());
        assertThat(refunded(id)).isEqualTo(100);
        assertThat(orderRefunds(id)).isZero();
        assertThat(jdbc.sql("select status from orders where id = ?").param(id).query(String.class).single()).isEqualTo("PAID");

        // still undecided: the merchant may answer, and the operator decide what the channel can refund
        api.post(operator, decision, Api.obj("outcome", "REFUND", "amount", "58.00", "note", "扣除已退的 1 元"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REFUNDED"));
        assertThat(refunded(id)).isEqualTo(5900);
        assertThat(orderRefunds(id)).isOne();
        // 58.00 of the order's 59.00: a part, so the order keeps its status
        assertThat(jdbc.sql("select status from orders where id = ?").param(id).query(String.class).single()).isEqualTo("PAID");
    }

    @Test
    void aDecisionInterruptedAfterTheChannelRefundedIsFinishedOnce() throws Exception {
        long id = disputedOrder();
        var operator = operator();
        long disputeId = disputeId(id);
        // as if the node stopped after the claim and the channel's refund, before the record
        jdbc.sql("""
                update order_disputes set status = 'REFUNDED', refund_minor = 5900, decided_by = ?, decided_at = ?
                where id = ?""").params(operator.id(), OffsetDateTime.now().minusHours(1), disputeId).update();
        payments.refund(paymentId(id), Money.cny(5900), "order-dispute-" + disputeId);
        assertThat(orderRefunds(id)).isZero();

        assertThat(disputes.finishInterrupted(Duration.ofMinutes(10))).isGreaterThanOrEqualTo(1);
        assertThat(refunded(id)).isEqualTo(5900);
        assertThat(orderRefunds(id)).isOne();
        assertThat(jdbc.sql("select status from orders where id = ?").param(id).query(String.class).single()).isEqualTo("REFUNDED");
        LedgerAssertions.assertBalanced(invariants, Map.of("order:" + id, Money.cny(0)));

        // again, and a decision posted again: nothing more
        disputes.finishInterrupted(Duration.ofMinutes(10));
        api.post(operator, "/api/v1/operator/disputes/" + disputeId + "/decision", Api.obj("outcome", "REFUND", "amount", "59.00"))
                .andExpect(status().isConflict());
        assertThat(refunded(id)).isEqualTo(5900);
        assertThat(orderRefunds(id)).isOne();
    }

    @Test
    void aWholeRefundThroughADisputeClosesTheRequestItsMerchantHadNotDecided() throws Exception {
        long id = disputedOrder();
        var operator = operator();
        long disputeId = disputeId(id);
        // while the dispute waits, the buyer asks the merchant again
        api.post(scene.cast().member(), "/api/v1/orders/" + id + "/refund-request", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUND_REQUESTED"));
        long requestId = jdbc.sql("select id from order_refunds where order_id = ? and status = 'REQUESTED'").param(id)
                .query(Long.class).single();

        api.post(operator, "/api/v1/operator/disputes/" + disputeId + "/decision", Api.obj("outcome", "REFUND", "amount", "59.00"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REFUNDED"));
        assertThat(jdbc.sql("select status from orders where id = ?").param(id).query(String.class).single()).isEqualTo("REFUNDED");
        // nothing is left: the merchant's request is closed, not waiting, and approving it refunds nothing more
        assertThat(jdbc.sql("select status from order_refunds where id = ?").param(requestId)
                .query(String.class).single()).isEqualTo("SUPERSEDED");
        assertThat(jdbc.sql("select count(*) from order_refunds where order_id = ? and status = 'REQUESTED'").param(id)
                .query(Long.class).single()).isZero();
        api.post(scene.merchant(), "/api/v1/orders/" + id + "/refund/approve", null).andExpect(status().isConflict());
        assertThat(refunded(id)).isEqualTo(5900);
        assertThat(orderRefunds(id)).isOne();
        assertThat(new CommerceFixtures(api, jdbc).stock(scene.skuId())).isEqualTo(5);
        LedgerAssertions.assertBalanced(invariants, Map.of("order:" + id, Money.cny(0)));
    }

    @Test
    void aMerchantsApprovalAndAnOperatorsRefundAtOnceReturnTheMoneyOnce() throws Exception {
        var operator = operator();
        for (int round = 0; round < 3; round++) {
            long id = disputedOrder();
            long disputeId = disputeId(id);
            api.post(scene.cast().member(), "/api/v1/orders/" + id + "/refund-request", null).andExpect(status().isOk());
            var merchant = scene.merchant();
            var answers = org.shequn.AtOnce.call(java.util.List.<java.util.concurrent.Callable<Integer>>of(
                    () -> api.post(merchant, "/api/v1/orders/" + id + "/refund/approve", null).andReturn().getResponse().getStatus(),
                    () -> api.post(operator, "/api/v1/operator/disputes/" + disputeId + "/decision",
                            Api.obj("outcome", "REFUND", "amount", "59.00")).andReturn().getResponse().getStatus()));
            // one of them refunds the order; the other is told (another refund under way, or nothing left)
            assertThat(answers).containsOnlyOnce(200);
            assertThat(answers).allMatch(code -> code == 200 || code == 400 || code == 409);
            assertThat(refunded(id)).isEqualTo(5900);
            assertThat(orderRefunds(id)).isOne();
            assertThat(jdbc.sql("select status from orders where id = ?").param(id).query(String.class).single()).isEqualTo("REFUNDED");
            assertThat(new CommerceFixtures(api, jdbc).stock(scene.skuId())).isEqualTo(5);
            LedgerAssertions.assertBalanced(invariants, Map.of("order:" + id, Money.cny(0)));
        }
    }
}
