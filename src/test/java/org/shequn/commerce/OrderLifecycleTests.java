package org.shequn.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.shequn.TestCommunity;
import org.shequn.payment.TestMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** An order's life through HTTP: paid through the test channel, shipped, received; expired; cancelled; who sees it. */
@IntegrationTest
// the test channel is on by default only on H2: these tests pay through it on PostgreSQL too
// and a referrer earns 3% here (off by default)
@org.springframework.test.context.TestPropertySource(properties = {"shequn.payment.test.enabled=true",
        "shequn.commerce.referral-bp=300"})
class OrderLifecycleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TestMode testMode;
    @Autowired
    OrderJobs jobs;
    @Autowired
    org.shequn.ledger.Ledger ledger;
    @Autowired
    org.shequn.ledger.LedgerInvariants invariants;

    Api api;

    @AfterEach
    void resetClockAndCheckTheLedger() {
        clock.reset();
        org.shequn.ledger.LedgerAssertions.assertBalanced(invariants);
    }

    CommerceFixtures.Scene scene() throws Exception {
        api = new Api(mvc);
        return new CommerceFixtures(api, jdbc).storeSelling("产品经理手册", Map.of("版本", "精装"), "59.00", 5, "orders-");
    }

    ResultActions withKey(Api.User user, String path, Object body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).header("Authorization", user.bearer())
                .header("Idempotency-Key", Api.unique("k-")).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .contentType(MediaType.APPLICATION_JSON).content(Api.JSON.writeValueAsString(body)));
    }

    long order(CommerceFixtures.Scene s, Api.User buyer, int quantity) throws Exception {
        return Api.body(withKey(buyer, "/api/v1/orders", CommerceFixtures.order(s.community().slug(), s.skuId(), quantity, "59.00"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CREATED"))).get("id").asLong();
    }

    long startPayment(Api.User buyer, long orderId) throws Exception {
        return Api.body(withKey(buyer, "/api/v1/orders/" + orderId + "/payment", Api.obj("channel", "TEST"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.testMode").value(true))).get("paymentId").asLong();
    }

    String stateOf(Api.User who, long orderId) throws Exception {
        return Api.body(api.get(who, "/api/v1/orders/" + orderId)).get("status").asString();
    }

    int stock(long skuId) {
        return new CommerceFixtures(api, jdbc).stock(skuId);
    }

    @Test
    void aMemberPaysTheMerchantShipsTheMemberConfirmsAndEveryoneSeesTheirSide() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        long id = order(s, buyer, 2);
        long paymentId = startPayment(buyer, id);
        assertThat(testMode.simulateSuccess(paymentId, buyer.id())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(buyer, id).equals("PAID"));
        api.get(buyer, "/api/v1/orders/" + id).andExpect(jsonPath("$.paymentId").value(paymentId));

        // a second notification of the same payment changes nothing
        api.get(buyer, "/api/v1/orders").andExpect(jsonPath("$", hasSize(1)));
        withKey(buyer, "/api/v1/orders/" + id + "/payment", Api.obj("channel", "TEST")).andExpect(status().isConflict());

        api.post(buyer, "/api/v1/orders/" + id + "/shipment", Api.obj("carrier", "顺丰", "trackingNo", "SF1")).andExpect(status().isNotFound());
        api.post(s.merchant(), "/api/v1/orders/" + id + "/shipment", Api.obj("carrier", "", "trackingNo", "SF1")).andExpect(status().isBadRequest());
        api.post(s.merchant(), "/api/v1/orders/" + id + "/shipment", Api.obj("carrier", "顺丰", "trackingNo", "SF1234567"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SHIPPED"))
                .andExpect(jsonPath("$.trackingNo").value("SF1234567"));
        api.get(s.merchant(), "/api/v1/shops/mine/orders").andExpect(jsonPath("$", hasSize(1)));
        api.post(buyer, "/api/v1/orders/" + id + "/receipt", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"));
        api.post(buyer, "/api/v1/orders/" + id + "/cancel", null).andExpect(status().isConflict());

        // the ledger owes the community its commission, pending until the dispute window after completion passes
        long communityId = jdbc.sql("select community_id from orders where id = ?").param(id).query(Long.class).single();
        var commission = org.shequn.ledger.Account.communityCommission(communityId);
        assertThat(ledger.balance(commission).pending().minor()).isEqualTo(1770);
        assertThat(ledger.balance(commission).settleable().minor()).isZero();
        clock.advance(Duration.ofDays(8));
        assertThat(ledger.balance(commission).settleable().minor()).isEqualTo(1770);
        clock.reset();

        // the community's runners see the sale; another buyer and another community's owner do not
        api.get(s.cast().owner(), s.community().base() + "/sales").andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].split.commission.minor").value(1770))
                .andExpect(jsonPath("$[0].address").doesNotExist());
        api.get(s.cast().core(), "/api/v1/orders/" + id).andExpect(status().isNotFound());
        var elsewhere = TestCommunity.create(api, jdbc, "other-");
        api.get(elsewhere.owner(), s.community().base() + "/sales").andExpect(status().isForbidden());
        assertThat(stock(s.skuId())).isEqualTo(3);
    }

    @Test
    void anUnpaidOrderExpiresAndGivesItsStockBackAndAPaymentArrivingLateIsRefunded() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        long id = order(s, buyer, 3);
        long paymentId = startPayment(buyer, id);
        assertThat(stock(s.skuId())).isEqualTo(2);
        assertThat(jobs.expireUnpaid()).isZero();
        clock.advance(Duration.ofMinutes(31));
        jobs.expireUnpaid();
        assertThat(stateOf(buyer, id)).isEqualTo("CANCELLED");
        assertThat(stock(s.skuId())).isEqualTo(5);
        withKey(buyer, "/api/v1/orders/" + id + "/payment", Api.obj("channel", "TEST")).andExpect(status().isConflict());

        // the buyer paid the page that was still open: the money goes back, the order stays cancelled
        testMode.simulateSuccess(paymentId, buyer.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select refunded_minor from payments where id = ?")
                .param(paymentId).query(Long.class).single() == 17700L);
        assertThat(stateOf(buyer, id)).isEqualTo("CANCELLED");
        assertThat(stock(s.skuId())).isEqualTo(5);
        // and the money was in the ledger while it went back: received into 待退款, then returned
        assertThat(transactionsOf("payment:" + paymentId)).isEqualTo(2);
        org.shequn.ledger.LedgerAssertions.assertBalanced(invariants, Map.of("payment:" + paymentId,
                org.shequn.shared.money.Money.cny(0), "order:" + id, org.shequn.shared.money.Money.cny(0)));
    }

    long transactionsOf(String reference) {
        return jdbc.sql("select count(*) from ledger_transactions where reference = ?").param(reference).query(Long.class).single();
    }

    @Autowired
    Orders orders;
    @Autowired
    org.shequn.payment.Payments payments;

    @Test
    void aPaymentForACancelledOrderIsReturnedOnceHoweverOftenItArrivesAndTheLedgerShowsIt() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        long id = order(s, buyer, 1);
        long paymentId = startPayment(buyer, id);
        api.post(buyer, "/api/v1/orders/" + id + "/cancel", null).andExpect(status().isOk());
        testMode.simulateSuccess(paymentId, buyer.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> payments.returned(paymentId)
                .map(r -> r.returnedAt() != null).orElse(false));
        var returned = payments.returned(paymentId).orElseThrow();
        assertThat(returned.amount()).isEqualTo(org.shequn.shared.money.Money.cny(5900));
        assertThat(returned.reason()).isEqualTo("order.notPayable");
        assertThat(transactionsOf("payment:" + paymentId)).isEqualTo(2);
        assertThat(transactionsOf("order:" + id)).isZero();

        // the event delivered again (the outbox retries; another node): nothing more returned, posted or refunded
        orders.markPaid(id, org.shequn.shared.money.Money.cny(5900), paymentId);
        orders.markPaid(id, org.shequn.shared.money.Money.cny(5900), paymentId);
        assertThat(transactionsOf("payment:" + paymentId)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from payment_returns where payment_id = ?").param(paymentId)
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select refunded_minor from payments where id = ?").param(paymentId).query(Long.class).single())
                .isEqualTo(5900L);
        assertThat(stateOf(buyer, id)).isEqualTo("CANCELLED");
        org.shequn.ledger.LedgerAssertions.assertBalanced(invariants, Map.of("payment:" + paymentId,
                org.shequn.shared.money.Money.cny(0)));
    }

    @Test
    void theBuyerCancelsBeforePayingAndAShippedOrderCompletesByItself() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        long cancelled = order(s, buyer, 1);
        api.post(s.cast().core(), "/api/v1/orders/" + cancelled + "/cancel", null).andExpect(status().isNotFound());
        api.post(buyer, "/api/v1/orders/" + cancelled + "/cancel", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(stock(s.skuId())).isEqualTo(5);

        long id = order(s, buyer, 1);
        testMode.simulateSuccess(startPayment(buyer, id), buyer.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(buyer, id).equals("PAID"));
        api.post(s.merchant(), "/api/v1/orders/" + id + "/shipment", Api.obj("carrier", "中通", "trackingNo", "ZT1"))
                .andExpect(status().isOk());
        clock.advance(Duration.ofDays(9));
        jobs.completeDelivered();
        assertThat(stateOf(buyer, id)).isEqualTo("SHIPPED");
        clock.advance(Duration.ofDays(2));
        jobs.completeDelivered();
        assertThat(stateOf(buyer, id)).isEqualTo("COMPLETED");
    }

    @Test
    void aRefundRequestTheMerchantApprovesRefundsThePaymentAndGivesTheStockBack() throws Exception {
        var s = scene();
        var buyer = s.cast().member();
        long id = order(s, buyer, 2);
        long paymentId = startPayment(buyer, id);
        testMode.simulateSuccess(paymentId, buyer.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(buyer, id).equals("PAID"));
        api.post(s.cast().core(), "/api/v1/orders/" + id + "/refund-request", null).andExpect(status().isNotFound());
        api.post(buyer, "/api/v1/orders/" + id + "/refund-request", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUND_REQUESTED"));
        api.post(buyer, "/api/v1/orders/" + id + "/refund/approve", null).andExpect(status().isNotFound());
        api.post(s.merchant(), "/api/v1/orders/" + id + "/refund/reject", null).andExpect(jsonPath("$.status").value("PAID"));
        api.post(buyer, "/api/v1/orders/" + id + "/refund-request", null).andExpect(status().isOk());
        api.post(s.merchant(), "/api/v1/orders/" + id + "/refund/approve", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUNDED"));
        api.post(s.merchant(), "/api/v1/orders/" + id + "/refund/approve", null).andExpect(status().isConflict());
        assertThat(jdbc.sql("select refunded_minor from payments where id = ?").param(paymentId).query(Long.class).single())
                .isEqualTo(11800L);
        assertThat(stock(s.skuId())).isEqualTo(5);
    }

    @Test
    void aBuyerIsRefundedOneItemThenTheRestAndTheLedgerTakesBackExactlyWhatWasPaid() throws Exception {
        api = new Api(mvc);
        var f = new CommerceFixtures(api, jdbc);
        var merchant = f.merchant();
        var product = f.listProduct(merchant, CommerceFixtures.product("读书会套装", true, List.of(
                CommerceFixtures.sku(Map.of("版本", "精装"), "59.00", 5), CommerceFixtures.sku(Map.of("版本", "平装"), "33.33", 5))));
        var community = TestCommunity.create(api, jdbc, "refund-lines-");
        var cast = community.cast();
        f.addToStore(community, cast.admin(), product.get("id").asLong());
        long hardcover = product.get("skus").get(0).get("id").asLong();
        long paperback = product.get("skus").get(1).get("id").asLong();
        var buyer = cast.member();
        long id = Api.body(withKey(buyer, "/api/v1/orders", Api.obj("community", community.slug(), "lines", List.of(
                        Api.obj("skuId", hardcover, "quantity", 1, "unitPrice", "59.00"),
                        Api.obj("skuId", paperback, "quantity", 3, "unitPrice", "33.33")), "address", "上海市"))
                .andExpect(status().isCreated())).get("id").asLong();
        long paymentId = startPayment(buyer, id);
        testMode.simulateSuccess(paymentId, buyer.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(buyer, id).equals("PAID"));

        // a SKU that is not in the order is refused, nothing written
        api.post(buyer, "/api/v1/orders/" + id + "/refund-request", Api.obj("skus", List.of(hardcover + 1_000_000)))
                .andExpect(status().isBadRequest());
        assertThat(stateOf(buyer, id)).isEqualTo("PAID");

        // the paperbacks first: 99.99 back, the order stays paid with the hardcover
        api.post(buyer, "/api/v1/orders/" + id + "/refund-request", Api.obj("skus", List.of(paperback))).andExpect(status().isOk());
        api.post(merchant, "/api/v1/orders/" + id + "/refund/approve", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.lines[1].refunded").value(true)).andExpect(jsonPath("$.lines[0].refunded").value(false));
        assertThat(jdbc.sql("select refunded_minor from payments where id = ?").param(paymentId).query(Long.class).single())
                .isEqualTo(9999L);
        assertThat(stock(paperback)).isEqualTo(5);
        assertThat(stock(hardcover)).isEqualTo(4);
        org.shequn.ledger.LedgerAssertions.assertBalanced(invariants);
        api.post(buyer, "/api/v1/orders/" + id + "/refund-request", Api.obj("skus", List.of(paperback)))
                .andExpect(status().isBadRequest());

        // then the rest: the payment is refunded whole and every party's balance from this order is back to zero
        api.post(buyer, "/api/v1/orders/" + id + "/refund-request", null).andExpect(status().isOk());
        api.post(merchant, "/api/v1/orders/" + id + "/refund/approve", null).andExpect(jsonPath("$.status").value("REFUNDED"));
        assertThat(jdbc.sql("select refunded_minor from payments where id = ?").param(paymentId).query(Long.class).single())
                .isEqualTo(15899L);
        assertThat(ledger.balance(org.shequn.ledger.Account.communityCommission(community.id())).total().minor()).isZero();
        long shopId = jdbc.sql("select shop_id from orders where id = ?").param(id).query(Long.class).single();
        assertThat(ledger.balance(org.shequn.ledger.Account.merchant(shopId)).total().minor()).isZero();
        assertThat(stock(hardcover)).isEqualTo(5);
    }

    @Test
    void aMembersShareLinkEarnsTheReferralAndAnOutsidersEarnsNothing() throws Exception {
        var s = scene();
        var body = new java.util.LinkedHashMap<>(CommerceFixtures.order(s.community().slug(), s.skuId(), 1, "59.00"));
        body.put("referrer", s.cast().core().id());
        var referred = Api.body(withKey(s.cast().member(), "/api/v1/orders", body).andExpect(status().isCreated()));
        assertThat(referred.get("referrerAccountId").asLong()).isEqualTo(s.cast().core().id());
        assertThat(referred.get("split").get("referral").get("minor").asLong()).isEqualTo(177);
        assertThat(referred.get("split").get("merchantShare").get("minor").asLong()).isEqualTo(5900 - 885 - 295 - 177);

        body.put("referrer", s.cast().outsider().id());
        var stranger = Api.body(withKey(s.cast().member(), "/api/v1/orders", body).andExpect(status().isCreated()));
        assertThat(stranger.get("referrerAccountId").asLong()).isZero();
        assertThat(stranger.get("split").get("referral").get("minor").asLong()).isZero();
    }
}
