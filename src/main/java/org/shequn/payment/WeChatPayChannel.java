package org.shequn.payment;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RSAPublicKeyNotificationConfig;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.shequn.shared.PublicUrls;
import org.shequn.shared.Rejection;
import org.shequn.shared.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat Pay API v3 (微信支付), Native pay: the payer scans a QR code of the {@code code_url} WeChat returns, which
 * suits a desktop page. Configured with the platform public key (微信支付公钥) and its id, not the platform
 * certificates: the auto-certificate configuration downloads them at start-up, which a node without network, or a
 * test, cannot do, and the public key is what WeChat now issues to new merchants. Notifications are verified by the
 * SDK's {@link NotificationParser} (signature, then AES-256-GCM decryption with the APIv3 key); their age, which the
 * SDK does not check, is checked here. Off until every {@code shequn.payment.wechat.*} key below is set.
 */
@Component
class WeChatPayChannel implements PaymentChannel {

    private static final Logger log = LoggerFactory.getLogger(WeChatPayChannel.class);
    private static final String DEFAULT_API = "https://api.mch.weixin.qq.com";

    private final String appId;
    private final String merchantId;
    private final String notifyUrl;
    private final Clock clock;
    private final JsonMapper json;
    private final NotificationParser parser;
    private final NativePayService nativePay;
    private final RefundService refunds;

    WeChatPayChannel(@Value("${shequn.payment.wechat.app-id:}") String appId,
                     @Value("${shequn.payment.wechat.merchant-id:}") String merchantId,
                     @Value("${shequn.payment.wechat.merchant-serial-number:}") String merchantSerialNumber,
                     @Value("${shequn.payment.wechat.private-key:}") String privateKey,
                     @Value("${shequn.payment.wechat.public-key:}") String publicKey,
                     @Value("${shequn.payment.wechat.public-key-id:}") String publicKeyId,
                     @Value("${shequn.payment.wechat.api-v3-key:}") String apiV3Key,
                     @Value("${shequn.payment.wechat.notify-url:}") String notifyUrl,
                     @Value("${shequn.payment.wechat.api-base-url:" + DEFAULT_API + "}") String apiBaseUrl,
                     PublicUrls urls, Clock clock, JsonMapper json) {
        this.appId = appId.strip();
        this.merchantId = merchantId.strip();
        this.notifyUrl = notifyUrl.isBlank() ? urls.of("/api/v1/payments/notify/wechat") : notifyUrl.strip();
        this.clock = clock;
        this.json = json;
        boolean configured = !this.appId.isEmpty() && !this.merchantId.isEmpty() && !merchantSerialNumber.isBlank()
                && !privateKey.isBlank() && !publicKey.isBlank() && !publicKeyId.isBlank() && !apiV3Key.isBlank();
        if (!configured) {
            parser = null;
            nativePay = null;
            refunds = null;
            return;
        }
        var platformKey = Keys.publicKey("shequn.payment.wechat.public-key", publicKey);
        parser = new NotificationParser(new RSAPublicKeyNotificationConfig.Builder()
                .publicKey(platformKey).publicKeyId(publicKeyId.strip()).apiV3Key(apiV3Key.strip()).build());
        var config = new RSAPublicKeyConfig.Builder()
                .merchantId(this.merchantId)
                .privateKey(Keys.privateKey("shequn.payment.wechat.private-key", privateKey))
                .merchantSerialNumber(merchantSerialNumber.strip())
                .publicKey(platformKey).publicKeyId(publicKeyId.strip())
                .apiV3Key(apiV3Key.strip())
                .build();
        HttpClient http = new DefaultHttpClientBuilder().config(config).okHttpClient(towards(apiBaseUrl.strip())).build();
        nativePay = new NativePayService.Builder().httpClient(http).build();
        refunds = new RefundService.Builder().httpClient(http).build();
    }

    /**
     * The SDK names only WeChat's own hosts; requests are sent on to {@code shequn.payment.wechat.api-base-url}
     * instead when it is set (a stand-in in tests, a proxy). The signature covers the path, not the host.
     */
    private static OkHttpClient towards(String apiBaseUrl) {
        var builder = new OkHttpClient.Builder();
        if (!apiBaseUrl.equals(DEFAULT_API)) {
            var base = HttpUrl.get(apiBaseUrl);
            builder.addInterceptor(chain -> {
                var original = chain.request();
                var url = original.url().newBuilder().scheme(base.scheme()).host(base.host()).port(base.port()).build();
                return chain.proceed(original.newBuilder().url(url).build());
            });
        }
        return builder.build();
    }

    @Override
    public Kind kind() {
        return Kind.WECHAT;
    }

    @Override
    public boolean enabled() {
        return parser != null;
    }

    @Override
    public Shown create(Order order) {
        var request = new PrepayRequest();
        request.setAppid(appId);
        request.setMchid(merchantId);
        request.setDescription(order.description());
        request.setOutTradeNo(order.tradeNo());
        request.setNotifyUrl(notifyUrl);
        var amount = new Amount();
        amount.setTotal(Math.toIntExact(order.amount().minor()));
        amount.setCurrency(order.amount().currency().name());
        request.setAmount(amount);
        try {
            return new Shown(Display.QR_CODE, nativePay.prepay(request).getCodeUrl());
        } catch (RuntimeException e) {
            throw providerFailed("prepay", e);
        }
    }

    @Override
    public Notice verify(Incoming notification) {
        var serial = notification.header("Wechatpay-Serial");
        var signature = notification.header("Wechatpay-Signature");
        var timestamp = notification.header("Wechatpay-Timestamp");
        var nonce = notification.header("Wechatpay-Nonce");
        if (serial == null || signature == null || timestamp == null || nonce == null || notification.body() == null) {
            throw new Refused("signature headers missing");
        }
        NotificationAge.requireFresh(timestamp, clock);
        var param = new RequestParam.Builder().serialNumber(serial).signature(signature).timestamp(timestamp)
                .nonce(nonce).body(notification.body());
        var signType = notification.header("Wechatpay-Signature-Type");
        if (signType != null) {
            param.signType(signType);
        }
        Transaction transaction;
        String notificationId;
        try {
            transaction = parser.parse(param.build(), Transaction.class);
            notificationId = json.readTree(notification.body()).required("id").asString();
        } catch (RuntimeException e) {
            throw new Refused("signature, body or resource not valid", e);
        }
        if (!merchantId.equals(transaction.getMchid()) || !appId.equals(transaction.getAppid())) {
            throw new Refused("another merchant's or app's transaction");
        }
        return notice(notificationId, transaction);
    }

    private Notice notice(String notificationId, Transaction transaction) {
        var amount = transaction.getAmount();
        if (amount == null || amount.getTotal() == null || transaction.getOutTradeNo() == null) {
            throw new Refused("amount or out_trade_no missing");
        }
        Money.Currency currency;
        try {
            currency = Money.Currency.valueOf(amount.getCurrency() == null ? "CNY" : amount.getCurrency());
        } catch (IllegalArgumentException e) {
            throw new Refused("currency not taken: " + amount.getCurrency());
        }
        boolean paid = transaction.getTradeState() == Transaction.TradeStateEnum.SUCCESS;
        Instant paidAt = clock.instant();
        if (paid && transaction.getSuccessTime() != null) {
            try {
                paidAt = OffsetDateTime.parse(transaction.getSuccessTime()).toInstant();
            } catch (RuntimeException e) {
                throw new Refused("success_time malformed");
            }
        }
        return new Notice(notificationId, transaction.getOutTradeNo(), transaction.getTransactionId(),
                new Money(amount.getTotal(), currency), paidAt, paid);
    }

    @Override
    public Optional<Notice> query(Order order) {
        var request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(merchantId);
        request.setOutTradeNo(order.tradeNo());
        try {
            var transaction = nativePay.queryOrderByOutTradeNo(request);
            if (transaction.getTradeState() != Transaction.TradeStateEnum.SUCCESS) {
                return Optional.empty();
            }
            if (!merchantId.equals(transaction.getMchid()) || !appId.equals(transaction.getAppid())) {
                throw new Refused("another merchant's or app's transaction");
            }
            return Optional.of(notice("query:" + transaction.getTransactionId(), transaction));
        } catch (Refused e) {
            throw e;
        } catch (RuntimeException e) {
            throw providerFailed("query", e);
        }
    }

    @Override
    public String refund(Order order, String refundNo, Money amount) {
        var request = new CreateRequest();
        request.setOutTradeNo(order.tradeNo());
        request.setOutRefundNo(refundNo);
        var money = new AmountReq();
        money.setRefund(amount.minor());
        money.setTotal(order.amount().minor());
        money.setCurrency(amount.currency().name());
        request.setAmount(money);
        try {
            return refunds.create(request).getRefundId();
        } catch (RuntimeException e) {
            throw providerFailed("refund", e);
        }
    }

    private static Rejection providerFailed(String call, RuntimeException e) {
        log.warn("WeChat Pay {} failed: {}", call, e.toString());
        return Rejection.conflict("payment.provider.failed");
    }

    @Override
    public Answer accepted() {
        return JsonAnswers.success();
    }

    @Override
    public Answer refused(String reason) {
        return JsonAnswers.failure(reason);
    }
}
