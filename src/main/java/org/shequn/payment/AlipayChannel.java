package org.shequn.payment;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradePagePayRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.shequn.shared.PublicUrls;
import org.shequn.shared.Rejection;
import org.shequn.shared.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alipay (支付宝), computer-website pay ({@code alipay.trade.page.pay}): the payer is sent to Alipay's cashier and
 * back. Its asynchronous notification is a form of fields signed with RSA2; it is verified on a copy of the fields
 * (the SDK removes {@code sign} and {@code sign_type} from the map it is given), and only the plain text
 * {@code success} tells Alipay to stop retrying, so it is answered only once the payment is recorded. Amounts arrive
 * as text ("12.34") and are read exactly, never as a floating-point number. Off until the app id and both keys are set.
 */
@Component
class AlipayChannel implements PaymentChannel {

    private static final Logger log = LoggerFactory.getLogger(AlipayChannel.class);
    private static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final java.time.Duration MAX_AGE = java.time.Duration.ofMinutes(15);

    private final String appId;
    private final String alipayPublicKey;
    private final String notifyUrl;
    private final PublicUrls urls;
    private final Clock clock;
    private final JsonMapper json;
    private final AlipayClient client;

    AlipayChannel(@Value("${shequn.payment.alipay.app-id:}") String appId,
                  @Value("${shequn.payment.alipay.private-key:}") String privateKey,
                  @Value("${shequn.payment.alipay.alipay-public-key:}") String alipayPublicKey,
                  @Value("${shequn.payment.alipay.gateway-url:https://openapi.alipay.com/gateway.do}") String gatewayUrl,
                  @Value("${shequn.payment.alipay.notify-url:}") String notifyUrl,
                  PublicUrls urls, Clock clock, JsonMapper json) {
        this.appId = appId.strip();
        this.urls = urls;
        this.clock = clock;
        this.json = json;
        this.notifyUrl = notifyUrl.isBlank() ? urls.of("/api/v1/payments/notify/alipay") : notifyUrl.strip();
        if (this.appId.isEmpty() || privateKey.isBlank() || alipayPublicKey.isBlank()) {
            this.alipayPublicKey = null;
            this.client = null;
            return;
        }
        // read once so that a key pasted wrongly stops start-up with its name
        Keys.privateKey("shequn.payment.alipay.private-key", privateKey);
        Keys.publicKey("shequn.payment.alipay.alipay-public-key", alipayPublicKey);
        this.alipayPublicKey = Keys.bare(alipayPublicKey);
        this.client = new DefaultAlipayClient(gatewayUrl.strip(), this.appId, Keys.bare(privateKey), "json", "UTF-8",
                this.alipayPublicKey, "RSA2");
    }

    @Override
    public Kind kind() {
        return Kind.ALIPAY;
    }

    @Override
    public boolean enabled() {
        return client != null;
    }

    @Override
    public Shown create(Order order) {
        var request = new AlipayTradePagePayRequest();
        request.setNotifyUrl(notifyUrl);
        request.setReturnUrl(urls.of(order.returnTo()));
        request.setBizContent(biz("out_trade_no", order.tradeNo(), "total_amount", order.amount().plain(),
                "subject", order.description(), "product_code", "FAST_INSTANT_TRADE_PAY"));
        try {
            // GET: a signed URL to send the browser to (no network call; a POST form would need an inline script)
            return new Shown(Display.REDIRECT, client.pageExecute(request, "GET").getBody());
        } catch (AlipayApiException e) {
            throw providerFailed("page pay", e);
        }
    }

    @Override
    public Notice verify(Incoming notification) {
        var fields = notification.form();
        if (fields == null || fields.get("sign") == null) {
            throw new Refused("signature missing");
        }
        boolean authentic;
        try {
            authentic = AlipaySignature.rsaCheckV1(new HashMap<>(fields), alipayPublicKey, "UTF-8", "RSA2");
        } catch (AlipayApiException | RuntimeException e) {
            throw new Refused("signature not readable", e);
        }
        if (!authentic) {
            throw new Refused("bad signature");
        }
        if (!appId.equals(fields.get("app_id"))) {
            throw new Refused("another app's notification");
        }
        requireFresh(fields.get("notify_time"));
        var notifyId = fields.get("notify_id");
        var tradeNo = fields.get("out_trade_no");
        if (notifyId == null || tradeNo == null) {
            throw new Refused("notify_id or out_trade_no missing");
        }
        Money amount;
        try {
            amount = Money.parse(fields.get("total_amount"), Money.Currency.CNY, "total_amount");
        } catch (Rejection e) {
            throw new Refused("total_amount malformed");
        }
        var status = fields.get("trade_status");
        boolean paid = "TRADE_SUCCESS".equals(status) || "TRADE_FINISHED".equals(status);
        return new Notice(notifyId, tradeNo, fields.get("trade_no"), amount, time(fields.get("gmt_payment")), paid);
    }

    /**
     * Alipay signs the time it sent the notification ({@code notify_time}, Beijing time, new on every retry); one
     * older than {@link #MAX_AGE}, or as far in the future, is a captured one replayed and is refused. A payment
     * whose every notification was refused is still found by querying ({@link StalePayments}).
     */
    private void requireFresh(String notifyTime) {
        if (notifyTime == null || notifyTime.isBlank()) {
            throw new Refused("notify_time missing");
        }
        Instant sent;
        try {
            sent = LocalDateTime.parse(notifyTime.strip(), ALIPAY_TIME).atZone(BEIJING).toInstant();
        } catch (RuntimeException e) {
            throw new Refused("notify_time malformed");
        }
        if (java.time.Duration.between(sent, clock.instant()).abs().compareTo(MAX_AGE) > 0) {
            throw new Refused("notify_time too old or in the future");
        }
    }

    private Instant time(String beijing) {
        if (beijing == null || beijing.isBlank()) {
            return clock.instant();
        }
        try {
            return LocalDateTime.parse(beijing.strip(), ALIPAY_TIME).atZone(BEIJING).toInstant();
        } catch (RuntimeException e) {
            throw new Refused("gmt_payment malformed");
        }
    }

    @Override
    public Optional<Notice> query(Order order) {
        var request = new AlipayTradeQueryRequest();
        request.setBizContent(biz("out_trade_no", order.tradeNo()));
        try {
            var response = client.execute(request);
            if (!response.isSuccess()) {
                return Optional.empty();
            }
            var status = response.getTradeStatus();
            boolean paid = "TRADE_SUCCESS".equals(status) || "TRADE_FINISHED".equals(status);
            if (!paid) {
                return Optional.empty();
            }
            var paidAt = response.getSendPayDate() == null ? clock.instant() : response.getSendPayDate().toInstant();
            if (!order.tradeNo().equals(response.getOutTradeNo())) {
                throw new Refused("the answer is for another trade");
            }
            Money amount;
            try {
                amount = Money.parse(response.getTotalAmount(), Money.Currency.CNY, "total_amount");
            } catch (Rejection e) {
                throw new Refused("total_amount malformed");
            }
            return Optional.of(new Notice("query:" + response.getTradeNo(), order.tradeNo(), response.getTradeNo(),
                    amount, paidAt, true));
        } catch (AlipayApiException e) {
            throw providerFailed("query", e);
        }
    }

    @Override
    public String refund(Order order, String refundNo, Money amount) {
        var request = new AlipayTradeRefundRequest();
        request.setBizContent(biz("out_trade_no", order.tradeNo(), "refund_amount", amount.plain(),
                "out_request_no", refundNo));
        try {
            var response = client.execute(request);
            if (!response.isSuccess()) {
                log.warn("Alipay refund refused: {} {}", response.getSubCode(), response.getSubMsg());
                throw Rejection.conflict("payment.provider.failed");
            }
            return response.getTradeNo() + "/" + refundNo;
        } catch (AlipayApiException e) {
            throw providerFailed("refund", e);
        }
    }

    private String biz(String... keyValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return json.writeValueAsString(map);
    }

    private static Rejection providerFailed(String call, Exception e) {
        log.warn("Alipay {} failed: {}", call, e.toString());
        return Rejection.conflict("payment.provider.failed");
    }

    @Override
    public Answer accepted() {
        return new Answer(200, "text/plain", "success");
    }

    @Override
    public Answer refused(String reason) {
        return new Answer(400, "text/plain", "failure");
    }
}
