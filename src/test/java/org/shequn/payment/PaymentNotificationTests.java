package org.shequn.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shequn.AtOnce;
import org.shequn.IntegrationTest;
import org.shequn.WebSession;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
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
 * Payments end to end over HTTP with keys generated for the run: WeChat Pay v3 notifications signed and encrypted as
 * WeChat does, Alipay's signed as Alipay does, the test mode through its page, offline confirmation, refunds and
 * idempotency. Each refused notification leaves nothing written and gets the provider's failure answer. Purposes are
 * {@code probe:*}, which no module listens to, so no order's listener refunds these payments behind the test's back.
 */
@IntegrationTest
@Import(RecordedPayments.class)
class PaymentNotificationTests {

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        StandInProviders.configure(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Payments payments;
    @Autowired
    RecordedPayments recorded;

    private static long payer = 900_000 + (System.nanoTime() % 100_000);

    /** A pending WeChat payment as Payments.start leaves it before asking WeChat (the prepay call needs WeChat). */
    private PaymentView pendingWeChat(long fen) {
        var tradeNo = "SQ" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        jdbc.sql("""
                insert into payments (trade_no, purpose, amount_minor, currency, channel, status, payer_account_id,
                                      description, return_to, idempotency_key, created_at)
                values (?, 'probe:1', ?, 'CNY', 'WECHAT', 'PENDING', ?, '测试', '/', ?, ?)""")
                .params(tradeNo, fen, ++payer, UUID.randomUUID().toString(), java.time.OffsetDateTime.now()).update();
        long id = jdbc.sql("select id from payments where trade_no = ?").param(tradeNo).query(Long.class).single();
        return payments.find(id).orElseThrow();
    }

    private ResultActions postWeChat(StandInProviders.WeChatNotification n) throws Exception {
        return postWeChat(n.headers(), n.body());
    }

    private ResultActions postWeChat(Map<String, String> headers, String body) throws Exception {
        var request = post("/api/v1/payments/notify/wechat").contentType(MediaType.APPLICATION_JSON).content(body);
        headers.forEach(request::header);
        return mvc.perform(request);
    }

    private ResultActions postAlipay(Map<String, String> fields) throws Exception {
        var request = post("/api/v1/payments/notify/alipay").contentType(MediaType.APPLICATION_FORM_URLENCODED);
        fields.forEach(request::param);
        return mvc.perform(request);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private long notifications(long paymentId) {
        return jdbc.sql("select count(*) from payment_notifications where payment_id = ?").param(paymentId).query(Long.class).single();
    }

    private void assertUntouched(PaymentView payment) {
        var now = payments.find(payment.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(now.providerTransactionId()).isNull();
        assertThat(notifications(payment.id())).isZero();
        assertThat(recorded.succeeded(payment.id())).isZero();
    }

    @Test
    void aValidWeChatNotificationPaysOnceAndAReplayChangesNothing() throws Exception {
        var payment = pendingWeChat(1234);
        var n = StandInProviders.wechat("EV-" + UUID.randomUUID(), payment.tradeNo(), 1234, "CNY", now(),
                StandInProviders.WECHAT_PLATFORM);
        postWeChat(n).andExpect(status().isOk()).andExpect(content().json("{\"code\":\"SUCCESS\"}"));
        var paid = payments.find(payment.id()).orElseThrow();
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.providerTransactionId()).startsWith("4200001234");
        assertThat(recorded.succeeded(payment.id())).isOne();
        var event = recorded.succeeded.stream().filter(e -> e.paymentId() == payment.id()).findFirst().orElseThrow();
        assertThat(event.amount()).isEqualTo(Money.cny(1234));
        assertThat(event.purpose()).isEqualTo("probe:1");

        // the same notification again: acknowledged, no second effect
        postWeChat(n).andExpect(status().isOk()).andExpect(content().json("{\"code\":\"SUCCESS\"}"));
        assertThat(recorded.succeeded(payment.id())).isOne();
        assertThat(notifications(payment.id())).isOne();
    }

    @Test
    void refusedWeChatNotificationsWriteNothing() throws Exception {
        var payment = pendingWeChat(5000);
        var good = StandInProviders.wechat("EV-" + UUID.randomUUID(), payment.tradeNo(), 5000, "CNY", now(),
                StandInProviders.WECHAT_PLATFORM);
        // tampered body: one character of the signed text changed
        postWeChat(good.headers(), good.body().replace("支付成功", "支付成攻"))
                .andExpect(status().isBadRequest()).andExpect(content().json("{\"code\":\"FAIL\"}"));
        // signed with another key
        postWeChat(StandInProviders.wechat("EV-" + UUID.randomUUID(), payment.tradeNo(), 5000, "CNY", now(),
                StandInProviders.FORGER)).andExpect(status().isBadRequest());
        // signed properly but six minutes old
        postWeChat(StandInProviders.wechat("EV-" + UUID.randomUUID(), payment.tradeNo(), 5000, "CNY", now() - 360,
                StandInProviders.WECHAT_PLATFORM)).andExpect(status().isBadRequest())
                .andExpect(content().json("{\"code\":\"FAIL\"}"));
        // wrong currency (an authentic wrong amount is money received: ReturnOnArrivalTests)
        postWeChat(StandInProviders.wechat("EV-" + UUID.randomUUID(), payment.tradeNo(), 5000, "USD", now(),
                StandInProviders.WECHAT_PLATFORM)).andExpect(status().isBadRequest());
        // unknown payment
        postWeChat(StandInProviders.wechat("EV-" + UUID.randomUUID(), "SQ-NO-SUCH-PAYMENT", 5000, "CNY", now(),
                StandInProviders.WECHAT_PLATFORM)).andExpect(status().isBadRequest());
        // headers missing
        postWeChat(Map.of(), good.body()).andExpect(status().isBadRequest());
        assertUntouched(payment);

        // and the genuine one still pays
        postWeChat(good).andExpect(status().isOk());
        assertThat(recorded.succeeded(payment.id())).isOne();
    }

    @Test
    void tenConcurrentDeliveriesOfOneNotificationPayOnce() throws Exception {
        var payment = pendingWeChat(990);
        var n = StandInProviders.wechat("EV-" + UUID.randomUUID(), payment.tradeNo(), 990, "CNY", now(),
                StandInProviders.WECHAT_PLATFORM);
        // and the same payment's notification under another id, as WeChat may send after a timeout
        var other = StandInProviders.wechat("EV-" + UUID.randomUUID(), payment.tradeNo(), 990, "CNY", now(),
                StandInProviders.WECHAT_PLATFORM);
        assertThat(AtOnce.call(10, i -> () -> postWeChat(i % 5 == 4 ? other : n).andReturn().getResponse().getStatus()))
                .containsOnly(200);
        assertThat(recorded.succeeded(payment.id())).isOne();
        assertThat(payments.find(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void oneAlipayNotificationAtTwoNodesAtOncePaysOnce() throws Exception {
        var checkout = startAlipay(4321);
        var fields = StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "43.21", "TRADE_SUCCESS",
                StandInProviders.ALIPAY);
        // Alipay retrying while the first is still in flight: same trade, another notify_id
        var retry = StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "43.21", "TRADE_SUCCESS",
                StandInProviders.ALIPAY);
        assertThat(AtOnce.call(6, i -> () -> postAlipay(i % 3 == 2 ? retry : fields).andReturn().getResponse()
                .getContentAsString())).containsOnly("success");
        assertThat(recorded.succeeded(checkout.paymentId())).isOne();
        assertThat(payments.find(checkout.paymentId()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void aWeChatNotificationForAnotherMerchantOrSignedInTheFutureIsRefused() throws Exception {
        var payment = pendingWeChat(700);
        // five minutes and more ahead of our clock: refused like a stale one
        postWeChat(StandInProviders.wechat("EV-" + UUID.randomUUID(), payment.tradeNo(), 700, "CNY", now() + 400,
                StandInProviders.WECHAT_PLATFORM)).andExpect(status().isBadRequest());
        // a replay of a genuine notification with its timestamp header changed to now: the signature breaks
        var old = StandInProviders.wechat("EV-" + UUID.randomUUID(), payment.tradeNo(), 700, "CNY", now() - 3600,
                StandInProviders.WECHAT_PLATFORM);
        var headers = new java.util.HashMap<>(old.headers());
        headers.put("Wechatpay-Timestamp", Long.toString(now()));
        postWeChat(headers, old.body()).andExpect(status().isBadRequest());
        assertUntouched(payment);
    }

    private Checkout startAlipay(long fen) {
        return payments.start(new PaymentRequest("probe:7", Money.cny(fen), PaymentChannel.Kind.ALIPAY, ++payer,
                "一本书", UUID.randomUUID().toString(), "/orders/7"));
    }

    @Test
    void alipayPagePayRedirectsToTheCashierAndAValidNotificationPaysOnce() throws Exception {
        var checkout = startAlipay(1234);
        assertThat(checkout.display()).isEqualTo(PaymentChannel.Display.REDIRECT);
        assertThat(checkout.value()).startsWith("https://openapi.alipay.com/gateway.do?").contains("sign=")
                .contains("alipay.trade.page.pay");
        var fields = StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "12.34", "TRADE_SUCCESS",
                StandInProviders.ALIPAY);
        postAlipay(fields).andExpect(status().isOk()).andExpect(content().string("success"));
        assertThat(payments.find(checkout.paymentId()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
        assertThat(recorded.succeeded(checkout.paymentId())).isOne();
        postAlipay(fields).andExpect(content().string("success"));
        assertThat(recorded.succeeded(checkout.paymentId())).isOne();
    }

    @Test
    void refusedAlipayNotificationsWriteNothing() throws Exception {
        var checkout = startAlipay(2000);
        var payment = payments.find(checkout.paymentId()).orElseThrow();
        var good = StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "20.00", "TRADE_SUCCESS",
                StandInProviders.ALIPAY);
        var tampered = new java.util.HashMap<>(good);
        tampered.put("total_amount", "0.01");
        postAlipay(tampered).andExpect(status().isBadRequest()).andExpect(content().string("failure"));
        postAlipay(StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "20.00", "TRADE_SUCCESS",
                StandInProviders.FORGER)).andExpect(content().string("failure"));
        postAlipay(StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "1e3", "TRADE_SUCCESS",
                StandInProviders.ALIPAY)).andExpect(content().string("failure"));
        postAlipay(StandInProviders.alipay("N-" + UUID.randomUUID(), "SQ-NO-SUCH", "20.00", "TRADE_SUCCESS",
                StandInProviders.ALIPAY)).andExpect(content().string("failure"));
        // signed properly but sent 20 minutes ago (a captured notification replayed), or without its time
        postAlipay(StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "20.00", "TRADE_SUCCESS",
                StandInProviders.ALIPAY, Instant.now().minusSeconds(20 * 60))).andExpect(status().isBadRequest())
                .andExpect(content().string("failure"));
        postAlipay(StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "20.00", "TRADE_SUCCESS",
                StandInProviders.ALIPAY, Instant.now().plusSeconds(20 * 60))).andExpect(content().string("failure"));
        // another app's notification, signed by Alipay
        var otherApp = new java.util.HashMap<>(good);
        otherApp.put("app_id", "2021000000009999");
        postAlipay(otherApp).andExpect(content().string("failure"));
        var unsigned = new java.util.HashMap<>(good);
        unsigned.remove("sign");
        postAlipay(unsigned).andExpect(content().string("failure"));
        // authentic but not a success: acknowledged, nothing recorded
        postAlipay(StandInProviders.alipay("N-" + UUID.randomUUID(), checkout.tradeNo(), "20.00", "WAIT_BUYER_PAY",
                StandInProviders.ALIPAY)).andExpect(content().string("success"));
        assertUntouched(payment);
        postAlipay(good).andExpect(content().string("success"));
        assertThat(recorded.succeeded(payment.id())).isOne();
    }

    private long accountOf(String email) {
        return jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
    }

    @Test
    void theTestModeGoesThroughItsPageAndTheSignedNotification() throws Exception {
        var browser = new WebSession(mvc);
        long me = accountOf(browser.register("测试付款人"));
        var checkout = payments.start(new PaymentRequest("probe:3", Money.cny(990), PaymentChannel.Kind.TEST, me,
                "加入社群", "k-" + UUID.randomUUID(), "/c/somewhere"));
        assertThat(checkout.testMode()).isTrue();
        assertThat(checkout.display()).isEqualTo(PaymentChannel.Display.TEST_PAGE);
        var page = browser.get(checkout.value()).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("测试模式 / Test mode").contains("模拟支付成功 / Simulate a successful payment").contains("¥9.90");

        // someone else sees no such page, and cannot pay it
        var stranger = new WebSession(mvc);
        stranger.register("旁人");
        stranger.get(checkout.value()).andExpect(status().isNotFound());
        stranger.form(checkout.value()).andExpect(status().isNotFound());
        assertThat(recorded.succeeded(checkout.paymentId())).isZero();

        browser.form(checkout.value()).andExpect(status().isFound()).andExpect(redirectedUrl("/c/somewhere"));
        assertThat(payments.find(checkout.paymentId()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
        assertThat(notifications(checkout.paymentId())).isOne();
        browser.form(checkout.value()).andExpect(redirectedUrl("/c/somewhere"));
        assertThat(recorded.succeeded(checkout.paymentId())).isOne();

        // the payer's API view says test mode too
        var api = mvc.perform(get("/api/v1/payments/" + checkout.paymentId())).andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aForgedTestNotificationIsRefused() throws Exception {
        var checkout = payments.start(new PaymentRequest("probe:3", Money.cny(100), PaymentChannel.Kind.TEST, ++payer,
                "加入社群", "k-" + UUID.randomUUID()));
        var body = "{\"id\":\"x\",\"out_trade_no\":\"" + checkout.tradeNo()
                + "\",\"transaction_id\":\"T\",\"amount_minor\":100,\"currency\":\"CNY\",\"paid_at\":\"2026-01-01T00:00:00Z\"}";
        mvc.perform(post("/api/v1/payments/notify/test").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Shequn-Test-Timestamp", Long.toString(now())).header("Shequn-Test-Signature", "AAAA"))
                .andExpect(status().isBadRequest()).andExpect(content().json("{\"code\":\"FAIL\"}"));
        assertUntouched(payments.find(checkout.paymentId()).orElseThrow());
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSamePaymentAndADifferentRequestIsRefused() {
        long who = ++payer;
        var key = "k-" + UUID.randomUUID();
        var first = payments.start(new PaymentRequest("probe:9", Money.cny(500), PaymentChannel.Kind.TEST, who, "书", key));
        var again = payments.start(new PaymentRequest("probe:9", Money.cny(500), PaymentChannel.Kind.TEST, who, "书", key));
        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> payments.start(new PaymentRequest("probe:9", Money.cny(501), PaymentChannel.Kind.TEST,
                who, "书", key))).isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(ProblemKind.CONFLICT));
        assertThat(jdbc.sql("select count(*) from payments where payer_account_id = ?").param(who).query(Long.class).single()).isOne();
        // bad input: nothing written
        assertThatThrownBy(() -> payments.start(new PaymentRequest("probe:9", Money.cny(-1), PaymentChannel.Kind.TEST,
                who, "书", "k2"))).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> payments.start(new PaymentRequest("not a purpose", Money.cny(1), PaymentChannel.Kind.TEST,
                who, "书", "k3"))).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> payments.start(new PaymentRequest("probe:9", Money.cny(1), PaymentChannel.Kind.TEST,
                who, "书\u0007", "k4"))).isInstanceOf(Rejection.class);
        assertThat(jdbc.sql("select count(*) from payments where payer_account_id = ?").param(who).query(Long.class).single()).isOne();
    }

    @Test
    void anOfflineTransferIsConfirmedByHandOnce() {
        var checkout = payments.start(new PaymentRequest("probe:11", Money.cny(8800), PaymentChannel.Kind.OFFLINE,
                ++payer, "线下", "k-" + UUID.randomUUID()));
        assertThat(checkout.display()).isEqualTo(PaymentChannel.Display.OFFLINE_INSTRUCTIONS);
        assertThatThrownBy(() -> payments.confirmOffline(checkout.paymentId(), 42, " ")).isInstanceOf(Rejection.class);
        var paid = payments.confirmOffline(checkout.paymentId(), 42, "已收到银行转账");
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(recorded.succeeded(checkout.paymentId())).isOne();
        assertThatThrownBy(() -> payments.confirmOffline(checkout.paymentId(), 42, "again"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(ProblemKind.CONFLICT));
        assertThat(recorded.succeeded(checkout.paymentId())).isOne();
        // a test-mode payment is not confirmed by hand
        var test = payments.start(new PaymentRequest("probe:12", Money.cny(1), PaymentChannel.Kind.TEST, payer, "x", "k-" + UUID.randomUUID()));
        assertThatThrownBy(() -> payments.confirmOffline(test.paymentId(), 42, "note")).isInstanceOf(Rejection.class);
    }

    @Test
    void refundsPartAndWholeButNeverMoreThanPaid() {
        var checkout = payments.start(new PaymentRequest("probe:13", Money.cny(10_000), PaymentChannel.Kind.OFFLINE,
                ++payer, "退款", "k-" + UUID.randomUUID()));
        assertThatThrownBy(() -> payments.refund(checkout.paymentId(), Money.cny(100), "r0"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(ProblemKind.CONFLICT));
        payments.confirmOffline(checkout.paymentId(), 1, "收到");
        var part = payments.refund(checkout.paymentId(), Money.cny(3_000), "r1");
        assertThat(payments.refund(checkout.paymentId(), Money.cny(3_000), "r1")).isEqualTo(part);
        assertThatThrownBy(() -> payments.refund(checkout.paymentId(), Money.cny(3_001), "r1")).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> payments.refund(checkout.paymentId(), Money.cny(7_001), "r2"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(ProblemKind.VALIDATION));
        assertThatThrownBy(() -> payments.refund(checkout.paymentId(), Money.cny(0), "r3")).isInstanceOf(Rejection.class);
        payments.refund(checkout.paymentId(), Money.cny(7_000), "r4");
        var after = payments.find(checkout.paymentId()).orElseThrow();
        assertThat(after.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(after.refunded()).isEqualTo(Money.cny(10_000));
        assertThat(recorded.refunded(checkout.paymentId())).isEqualTo(2);
        assertThatThrownBy(() -> payments.refund(checkout.paymentId(), Money.cny(1), "r5")).isInstanceOf(Rejection.class);
    }

    @Test
    void theConfiguredChannelsAreOffered() throws Exception {
        mvc.perform(get("/api/v1/payments/channels")).andExpect(status().isOk())
                .andExpect(content().json("[\"TEST\",\"WECHAT\",\"ALIPAY\",\"OFFLINE\"]"));
        mvc.perform(post("/api/v1/payments/notify/offline").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/payments/notify/nonsense").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
    }
}
