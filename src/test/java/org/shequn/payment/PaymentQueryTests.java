package org.shequn.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.shequn.AtOnce;
import org.shequn.IntegrationTest;
import org.shequn.TestClock;
import org.shequn.shared.money.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Asking the provider: WeChat's query by out_trade_no and Alipay's alipay.trade.query, against local stand-ins that
 * sign their answers as the providers do. A payment the provider says is paid is recorded exactly as its notification
 * would be, once, whichever comes first; the job finds pending payments whose notification was lost.
 */
@IntegrationTest
@Import(RecordedPayments.class)
class PaymentQueryTests {

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
    StalePayments stale;
    @Autowired
    RecordedPayments recorded;
    @Autowired
    TestClock clock;

    private static long payer = 800_000 + (System.nanoTime() % 100_000);

    private Checkout start(PaymentChannel.Kind channel, long fen) {
        return payments.start(new PaymentRequest("probe:77", Money.cny(fen), channel, ++payer, "一杯咖啡",
                "k-" + UUID.randomUUID(), "/orders/77"));
    }

    private long notifications(long paymentId) {
        return jdbc.sql("select count(*) from payment_notifications where payment_id = ?").param(paymentId)
                .query(Long.class).single();
    }

    private PaymentStatus statusOf(long paymentId) {
        return payments.find(paymentId).orElseThrow().status();
    }

    @Test
    void aWeChatPaymentThePayerPaidIsRecordedByQueryingOnceAndTheLateNotificationChangesNothing() throws Exception {
        var checkout = start(PaymentChannel.Kind.WECHAT, 1500);
        assertThat(checkout.display()).isEqualTo(PaymentChannel.Display.QR_CODE);
        assertThat(checkout.value()).startsWith("weixin://wxpay/bizpayurl?pr=");

        // not paid yet at WeChat: nothing changes
        assertThat(payments.query(checkout.paymentId()).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(PROVIDERS.requests).contains("GET /v3/pay/transactions/out-trade-no/" + checkout.tradeNo());

        PROVIDERS.paid.put(checkout.tradeNo(), 1500L);
        var paid = payments.query(checkout.paymentId());
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.providerTransactionId()).startsWith("4200009999");
        assertThat(recorded.succeeded(checkout.paymentId())).isOne();
        assertThat(payments.query(checkout.paymentId()).status()).isEqualTo(PaymentStatus.PAID);
        assertThat(recorded.succeeded(checkout.paymentId())).isOne();

        // WeChat's notification arrives after all: acknowledged, no second effect
        var n = StandInProviders.wechat("EV-" + UUID.randomUUID(), checkout.tradeNo(), 1500, "CNY",
                Instant.now().getEpochSecond(), StandInProviders.WECHAT_PLATFORM);
        var request = post("/api/v1/payments/notify/wechat").contentType(MediaType.APPLICATION_JSON).content(n.body());
        n.headers().forEach(request::header);
        mvc.perform(request).andExpect(status().isOk()).andExpect(content().json("{\"code\":\"SUCCESS\"}"));
        assertThat(recorded.succeeded(checkout.paymentId())).isOne();
    }

    @Test
    void aProviderThatSaysPaidWithAnotherAmountIsNotBelieved() {
        var checkout = start(PaymentChannel.Kind.WECHAT, 2500);
        PROVIDERS.paid.put(checkout.tradeNo(), 1L);
        assertThat(payments.query(checkout.paymentId()).status()).isEqualTo(PaymentStatus.PENDING);
        var alipay = start(PaymentChannel.Kind.ALIPAY, 2500);
        PROVIDERS.paid.put(alipay.tradeNo(), 2499L);
        assertThat(payments.query(alipay.paymentId()).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(recorded.succeeded(checkout.paymentId()) + recorded.succeeded(alipay.paymentId())).isZero();
        // what the provider says it took is real money that cannot pay this payment: it goes back, as it came
        assertThat(payments.returned(checkout.paymentId()).orElseThrow().amount()).isEqualTo(Money.cny(1));
        assertThat(payments.returned(alipay.paymentId()).orElseThrow().amount()).isEqualTo(Money.cny(2499));
        assertThat(payments.query(checkout.paymentId()).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(jdbc.sql("select count(*) from payment_returns where payment_id in (?, ?)")
                .params(checkout.paymentId(), alipay.paymentId()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theJobPaysAnAlipayPaymentWhoseNotificationWasLostOnlyAfterAFewMinutes() throws Exception {
        var checkout = start(PaymentChannel.Kind.ALIPAY, 3456);
        var notPaid = start(PaymentChannel.Kind.WECHAT, 100);
        PROVIDERS.paid.put(checkout.tradeNo(), 3456L);
        stale.queryStale();
        assertThat(statusOf(checkout.paymentId())).isEqualTo(PaymentStatus.PENDING);

        clock.advance(StalePayments.AFTER.plus(Duration.ofMinutes(1)));
        assertThat(stale.queryStale()).isPositive();
        assertThat(statusOf(checkout.paymentId())).isEqualTo(PaymentStatus.PAID);
        assertThat(statusOf(notPaid.paymentId())).isEqualTo(PaymentStatus.PENDING);
        assertThat(recorded.succeeded(checkout.paymentId())).isOne();
        stale.queryStale();
        assertThat(recorded.succeeded(checkout.paymentId())).isOne();
        clock.reset();

        // Alipay's notification comes late: "success", nothing more
        var fields = StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "34.56", "TRADE_SUCCESS",
                StandInProviders.ALIPAY);
        var request = post("/api/v1/payments/notify/alipay").contentType(MediaType.APPLICATION_FORM_URLENCODED);
        fields.forEach(request::param);
        mvc.perform(request).andExpect(content().string("success"));
        assertThat(recorded.succeeded(checkout.paymentId())).isOne();
    }

    @Test
    void aQueryAndTheNotificationAtOncePayOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            var checkout = start(PaymentChannel.Kind.WECHAT, 880);
            PROVIDERS.paid.put(checkout.tradeNo(), 880L);
            var n = StandInProviders.wechat("EV-" + UUID.randomUUID(), checkout.tradeNo(), 880, "CNY",
                    Instant.now().getEpochSecond(), StandInProviders.WECHAT_PLATFORM);
            // two queries (the job, the buyer's page) and the notification, at once
            var answers = AtOnce.call(List.<java.util.concurrent.Callable<Object>>of(
                    () -> payments.query(checkout.paymentId()).status(),
                    () -> payments.query(checkout.paymentId()).status(),
                    () -> {
                        var request = post("/api/v1/payments/notify/wechat").contentType(MediaType.APPLICATION_JSON)
                                .content(n.body());
                        n.headers().forEach(request::header);
                        return mvc.perform(request).andReturn().getResponse().getStatus();
                    }));
            assertThat(answers.getLast()).isEqualTo(200);
            assertThat(statusOf(checkout.paymentId())).isEqualTo(PaymentStatus.PAID);
            assertThat(recorded.succeeded(checkout.paymentId())).isOne();
        }
    }

    private long accountOf(String email) {
        return jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
    }

    @Test
    void thePaymentPageShowsWeChatsQrCodeAndMovesOnOnceItIsPaid() throws Exception {
        var browser = new org.shequn.WebSession(mvc);
        long me = accountOf(browser.register("扫码付款人"));
        var checkout = payments.start(new PaymentRequest("probe:88", Money.cny(4200), PaymentChannel.Kind.WECHAT, me,
                "社群订单 #88", "k-" + UUID.randomUUID(), "/orders/88"));
        var page = browser.get("/payments/" + checkout.paymentId()).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("¥42.00").contains("社群订单 #88").contains("微信支付")
                .contains("/payments/" + checkout.paymentId() + "/qr.svg").contains("hx-trigger=\"every 3s\"")
                .doesNotContain("测试模式");
        var svg = browser.get("/payments/" + checkout.paymentId() + "/qr.svg").andExpect(status().isOk()).andReturn().getResponse();
        assertThat(svg.getContentType()).startsWith("image/svg+xml");
        assertThat(svg.getContentAsString()).startsWith("<svg").contains("<path");
        browser.get("/payments/" + checkout.paymentId() + "/status").andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().doesNotExist("HX-Redirect"));

        // someone else: no such page
        var stranger = new org.shequn.WebSession(mvc);
        stranger.register("旁观者");
        stranger.get("/payments/" + checkout.paymentId()).andExpect(status().isNotFound());
        stranger.get("/payments/" + checkout.paymentId() + "/qr.svg").andExpect(status().isNotFound());

        // paid at WeChat: the next poll asks, records it, and sends the payer on
        PROVIDERS.paid.put(checkout.tradeNo(), 4200L);
        browser.get("/payments/" + checkout.paymentId() + "/status").andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("HX-Redirect", "/orders/88"));
        assertThat(recorded.succeeded(checkout.paymentId())).isOne();
        browser.get("/payments/" + checkout.paymentId()).andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/orders/88"));

        // a test-mode payment's page says so
        var test = payments.start(new PaymentRequest("probe:89", Money.cny(100), PaymentChannel.Kind.TEST, me,
                "试一试", "k-" + UUID.randomUUID(), "/"));
        assertThat(browser.get("/payments/" + test.paymentId()).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("测试模式").contains("/payments/" + test.paymentId() + "/test");
    }

    @Test
    void theTestModeAnswersFromItsOwnRecord() {
        var checkout = start(PaymentChannel.Kind.TEST, 100);
        assertThat(payments.query(checkout.paymentId()).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(recorded.succeeded(checkout.paymentId())).isZero();
    }
}
