package org.shequn.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shequn.AtOnce;
import org.shequn.IntegrationTest;
import org.shequn.ledger.LedgerAssertions;
import org.shequn.ledger.LedgerInvariants;
import org.shequn.shared.money.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An authentic notification with another amount than the payment's is money that reached us: it does not pay the
 * payment, it goes back, and the ledger holds it in 待退款 until it has (clearing → to refund, then reversed). Told
 * again, or at several nodes at once, it is returned once; a provider that cannot refund now leaves it in 待退款 for
 * the operator to see, and the retry job returns it later under the same refund number.
 */
@IntegrationTest
@Import(RecordedPayments.class)
@org.springframework.test.context.TestPropertySource(properties = "shequn.operators=" + ReturnOnArrivalTests.OPERATOR_EMAIL)
class ReturnOnArrivalTests {

    static final String OPERATOR_EMAIL = "returns-operator@example.com";

    static final StandInPayServer PROVIDERS = new StandInPayServer();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        StandInProviders.configure(registry);
        registry.add("shequn.payment.wechat.api-base-url", PROVIDERS::baseUrl);
        registry.add("shequn.payment.alipay.gateway-url", () -> PROVIDERS.baseUrl() + "/gateway.do");
    }

    @AfterAll
    static void stop() {
        PROVIDERS.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Payments payments;
    @Autowired
    PaymentReturns returns;
    @Autowired
    RecordedPayments recorded;
    @Autowired
    LedgerInvariants invariants;

    private static long payer = 700_000 + (System.nanoTime() % 100_000);

    @AfterEach
    void ledgerHolds() {
        PROVIDERS.refunding = true;
        LedgerAssertions.assertBalanced(invariants);
    }

    private Checkout startAlipay(long fen) {
        return payments.start(new PaymentRequest("probe:9", Money.cny(fen), PaymentChannel.Kind.ALIPAY, ++payer,
                "一本书", UUID.randomUUID().toString(), "/orders/9"));
    }

    private ResultActions postAlipay(Map<String, String> fields) throws Exception {
        var request = post("/api/v1/payments/notify/alipay").contentType(MediaType.APPLICATION_FORM_URLENCODED);
        fields.forEach(request::param);
        return mvc.perform(request);
    }

    private org.shequn.Api.User operator() throws Exception {
        return new org.shequn.Api(mvc).operator(OPERATOR_EMAIL, "退款运营");
    }

    private long rows(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aWrongAmountToldManyTimesAtOnceIsReturnedOnceAndTheLedgerHoldsItUntilItWentBack() throws Exception {
        PROVIDERS.refunding = false;
        var checkout = startAlipay(2000);
        var ref = "payment:" + checkout.paymentId();
        // Alipay says 19.99 was paid for a 20.00 trade: authentic, so the money is real; the same told by two deliveries
        var first = StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "19.99", "TRADE_SUCCESS",
                StandInProviders.ALIPAY);
        var retry = StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "19.99", "TRADE_SUCCESS",
                StandInProviders.ALIPAY);
        assertThat(AtOnce.call(6, i -> () -> postAlipay(i % 2 == 0 ? first : retry).andReturn().getResponse()
                .getContentAsString())).containsOnly("success");
        // it paid nothing: the payment waits for its own amount, nobody was told it succeeded
        var payment = payments.find(checkout.paymentId()).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(recorded.succeeded(payment.id())).isZero();
        assertThat(rows("select count(*) from payment_returns where payment_id = ?", payment.id())).isOne();
        // Alipay could not refund now: the money is in the ledger, in clearing and owed back (待退款)
        var returned = payments.returned(payment.id()).orElseThrow();
        assertThat(returned.amount()).isEqualTo(Money.cny(1999));
        assertThat(returned.returnedAt()).isNull();
        assertThat(rows("select count(*) from ledger_transactions where reference = ?", ref)).isOne();
        LedgerAssertions.assertBalanced(invariants, Map.of(ref, Money.cny(1999)));
        assertThat(rows("""
                select coalesce(sum(e.amount_minor), 0) from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
                where t.reference = ? and e.account_type = 'TO_REFUND'""", ref)).isEqualTo(-1999L);
        assertThat(returns.retryPending()).isZero();
        assertThat(payments.returned(payment.id()).orElseThrow().returnedAt()).isNull();

        // Alipay answers again: the job refunds what Alipay took, under the one refund number, and the posting is reversed
        PROVIDERS.refunding = true;
        assertThat(returns.retryPending()).isGreaterThanOrEqualTo(1);
        assertThat(payments.returned(payment.id()).orElseThrow().returnedAt()).isNotNull();
        assertThat(PROVIDERS.refunded).containsValue("19.99");
        assertThat(rows("select count(*) from ledger_transactions where reference = ?", ref)).isEqualTo(2L);
        assertThat(rows("select count(*) from ledger_transactions where reference = ? and reverses_id is not null", ref)).isOne();
        LedgerAssertions.assertBalanced(invariants, Map.of(ref, Money.cny(0)));

        // told once more after it went back: acknowledged, nothing more returned or posted
        postAlipay(first).andExpect(content().string("success"));
        assertThat(returns.retryPending()).isZero();
        assertThat(rows("select count(*) from ledger_transactions where reference = ?", ref)).isEqualTo(2L);
        // and the payment's own amount still pays it
        postAlipay(StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "20.00", "TRADE_SUCCESS",
                StandInProviders.ALIPAY)).andExpect(content().string("success"));
        assertThat(recorded.succeeded(payment.id())).isOne();
    }

    @Test
    void theOperatorSeesMoneyToRefundInThePlatformTotals() throws Exception {
        PROVIDERS.refunding = false;
        var checkout = startAlipay(3000);
        postAlipay(StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "30.01", "TRADE_SUCCESS",
                StandInProviders.ALIPAY)).andExpect(content().string("success"));
        var operator = operator();
        var summary = org.shequn.Api.body(mvc.perform(get("/api/v1/operator/ledger/summary")
                .header("Authorization", operator.bearer())).andExpect(status().isOk()));
        assertThat(summary.get("totals").get("toRefund").get("minor").asLong()).isGreaterThanOrEqualTo(3001L);
        mvc.perform(get("/operator/ledger").header("Authorization", operator.bearer()))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("待退款")));
        PROVIDERS.refunding = true;
        returns.retryPending();
        assertThat(payments.returned(checkout.paymentId()).orElseThrow().returnedAt()).isNotNull();
    }
}
