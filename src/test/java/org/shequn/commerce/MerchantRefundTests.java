package org.shequn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A merchant's approval of a refund request is asked of the channel outside the database transaction, so money is
 * neither lost nor doubled when that goes wrong: a channel that refuses leaves the request undecided and writes
 * nothing else; an approval interrupted after the channel refunded is finished once, by the order clock, under the
 * request's idempotency key.
 */
@IntegrationTest
// the same properties as DisputeTests: one application context for both
@TestPropertySource(properties = {"shequn.payment.test.enabled=true", "shequn.operators=" + DisputeTests.OPERATOR_EMAIL})
class MerchantRefundTests {

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
    OrderJobs jobs;

    Api api;
    CommerceFixtures.Scene scene;

    @AfterEach
    void theLedgerHolds() {
        LedgerAssertions.assertBalanced(invariants);
    }

    ResultActions withKey(Api.User user, String path, Object body) throws Exception {
        return new Api(mvc).postWithKey(user, path, body);
    }

    /** A paid order of one unit at 59.00 (of a stock of 5) whose buyer asks for a refund: its id. */
    long refundRequested() throws Exception {
        api = new Api(mvc);
        scene = new CommerceFixtures(api, jdbc).storeSelling("退款手册", Map.of("版本", "平装"), "59.00", 5, "merchant-refund-");
        var buyer = scene.cast().member();
        long id = new CommerceFixtures(api, jdbc).paidOrder(scene, buyer, "59.00", testMode);
        api.post(buyer, "/api/v1/orders/" + id + "/refund-request", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUND_REQUESTED"));
        return id;
    }

    long paymentId(long orderId) {
        return jdbc.sql("select payment_id from orders where id = ?").param(orderId).query(Long.class).single();
    }

    long refunded(long orderId) {
        return jdbc.sql("select refunded_minor from payments where id = ?").param(paymentId(orderId)).query(Long.class).single();
    }

    long request(long orderId) {
        return jdbc.sql("select max(id) from order_refunds where order_id = ?").param(orderId).query(Long.class).single();
    }

    String requestStatus(long orderId) {
        return jdbc.sql("select status from order_refunds where id = ?").param(request(orderId)).query(String.class).single();
    }

    String orderStatus(long orderId) {
        return jdbc.sql("select status from orders where id = ?").param(orderId).query(String.class).single();
    }

    long refundPostings(long orderId) {
        return jdbc.sql("select count(*) from ledger_transactions where reference = ? and idempotency_key like '%:refund:%'")
                .param("order:" + orderId).query(Long.class).single();
    }

    /** The order's page as its merchant sees it. */
    String merchantsPage(long orderId) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/orders/" + orderId).accept(MediaType.TEXT_HTML)
                .header("Authorization", scene.merchant().bearer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    int stock() {
        return new CommerceFixtures(api, jdbc).stock(scene.skuId());
    }

    @Test
    void aChannelThatRefusesLeavesTheRequestUndecidedAndWritesNothing() throws Exception {
        long id = refundRequested();
        // 1.00 of the payment went back some other way: the channel will refuse the request's whole 59.00
        payments.refund(paymentId(id), Money.cny(100), "elsewhere-" + id);
        api.post(scene.merchant(), "/api/v1/orders/" + id + "/refund/approve", null).andExpect(status().isBadRequest());

        assertThat(requestStatus(id)).isEqualTo("REQUESTED");
        assertThat(orderStatus(id)).isEqualTo("REFUND_REQUESTED");
        assertThat(refunded(id)).isEqualTo(100);
        assertThat(refundPostings(id)).isZero();
        assertThat(stock()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from order_lines where order_id = ? and refunded").param(id)
                .query(Long.class).single()).isZero();
        LedgerAssertions.assertBalanced(invariants);
        assertThat(merchantsPage(id)).contains("买家申请退款 ¥59.00", "/orders/" + id + "/refund/approve");

        // still undecided: the merchant may still decide it, and refusing puts the order back where it stood
        api.post(scene.merchant(), "/api/v1/orders/" + id + "/refund/reject", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"));
        assertThat(requestStatus(id)).isEqualTo("REJECTED");
    }

    @Test
    void anApprovalInterruptedAfterTheChannelRefundedIsFinishedOnceByTheOrderClock() throws Exception {
        long id = refundRequested();
        long requestId = request(id);
        // as if the node stopped after the claim and the channel's refund, before the record
        jdbc.sql("update order_refunds set status = 'APPROVING', decided_at = ? where id = ?")
                .params(OffsetDateTime.now().minusHours(1), requestId).update();
        payments.refund(paymentId(id), Money.cny(5900), "order-refund-" + requestId);
        // meanwhile the merchant's page offers nothing to approve, and an approval posted is refused
        assertThat(merchantsPage(id)).contains("退款正在办理中").doesNotContain("/orders/" + id + "/refund/approve");
        api.post(scene.merchant(), "/api/v1/orders/" + id + "/refund/approve", null).andExpect(status().isConflict());
        assertThat(refundPostings(id)).isZero();
        assertThat(stock()).isEqualTo(4);

        jobs.scheduled();
        assertThat(requestStatus(id)).isEqualTo("APPROVED");
        assertThat(orderStatus(id)).isEqualTo("REFUNDED");
        assertThat(refunded(id)).isEqualTo(5900);
        assertThat(refundPostings(id)).isOne();
        assertThat(stock()).isEqualTo(5);
        LedgerAssertions.assertBalanced(invariants, Map.of("order:" + id, Money.cny(0)));

        // the clock again, and the approval posted again: nothing more
        jobs.scheduled();
        api.post(scene.merchant(), "/api/v1/orders/" + id + "/refund/approve", null).andExpect(status().isConflict());
        assertThat(refunded(id)).isEqualTo(5900);
        assertThat(refundPostings(id)).isOne();
        assertThat(stock()).isEqualTo(5);
    }

    @Test
    void anApprovalInterruptedBeforeTheChannelIsRefundedOnceByTheOrderClock() throws Exception {
        long id = refundRequested();
        // as if the node stopped right after the claim: the channel was never asked
        jdbc.sql("update order_refunds set status = 'APPROVING', decided_at = ? where id = ?")
                .params(OffsetDateTime.now().minusHours(1), request(id)).update();

        jobs.scheduled();
        jobs.scheduled();
        assertThat(requestStatus(id)).isEqualTo("APPROVED");
        assertThat(orderStatus(id)).isEqualTo("REFUNDED");
        assertThat(refunded(id)).isEqualTo(5900);
        assertThat(refundPostings(id)).isOne();
        assertThat(stock()).isEqualTo(5);
        LedgerAssertions.assertBalanced(invariants, Map.of("order:" + id, Money.cny(0)));
    }
}
