package org.shequn.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.shequn.shared.money.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test mode (测试模式): no money moves, but everything else does. Its "provider" is this site: the test page's
 * button has it sign a notification with HMAC-SHA256 under a per-install secret (kept in the database, so every node
 * has the same one) and deliver it through the same verification and recording as WeChat's and Alipay's. On by
 * default only on the embedded database, where someone is trying Shequn out; {@code shequn.payment.test.enabled}
 * decides otherwise.
 */
@Component
class TestChannel implements PaymentChannel {

    static final String TIMESTAMP = "Shequn-Test-Timestamp";
    static final String SIGNATURE = "Shequn-Test-Signature";

    private final boolean enabled;
    private final PaymentStore store;
    private final Clock clock;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] secret;

    TestChannel(@Value("${shequn.payment.test.enabled:}") String enabled,
                @Value("${spring.datasource.url:}") String databaseUrl, PaymentStore store, Clock clock, JsonMapper json) {
        this.enabled = enabled.isBlank() ? databaseUrl.startsWith("jdbc:h2:") : Boolean.parseBoolean(enabled.strip());
        this.store = store;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public Kind kind() {
        return Kind.TEST;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public Shown create(Order order) {
        return new Shown(Display.TEST_PAGE, "/payments/" + order.paymentId() + "/test");
    }

    /** The notification the test "provider" sends when the payer presses the button: signed, as a provider would. */
    Incoming notificationFor(Order order) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", "TEST-N-" + UUID.randomUUID());
        body.put("out_trade_no", order.tradeNo());
        body.put("transaction_id", "TEST-" + order.tradeNo());
        body.put("amount_minor", order.amount().minor());
        body.put("currency", order.amount().currency().name());
        body.put("paid_at", clock.instant().toString());
        var text = json.writeValueAsString(body);
        var timestamp = Long.toString(clock.instant().getEpochSecond());
        return new Incoming(Map.of(TIMESTAMP.toLowerCase(), timestamp, SIGNATURE.toLowerCase(), sign(timestamp, text)),
                text, Map.of());
    }

    @Override
    public Notice verify(Incoming notification) {
        var timestamp = notification.header(TIMESTAMP);
        var signature = notification.header(SIGNATURE);
        if (signature == null || notification.body() == null) {
            throw new Refused("signature missing");
        }
        NotificationAge.requireFresh(timestamp, clock);
        var expected = sign(timestamp, notification.body());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("bad signature");
        }
        try {
            JsonNode body = json.readTree(notification.body());
            var currency = Money.Currency.valueOf(body.required("currency").asString());
            return new Notice(body.required("id").asString(), body.required("out_trade_no").asString(),
                    body.required("transaction_id").asString(),
                    new Money(body.required("amount_minor").asLong(), currency),
                    Instant.parse(body.required("paid_at").asString()), true);
        } catch (RuntimeException e) {
            throw new Refused("malformed body", e);
        }
    }

    @Override
    public String refund(Order order, String refundNo, Money amount) {
        return "TEST-R-" + refundNo;
    }

    private String sign(String timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            var digest = mac.doFinal((timestamp + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] secret() {
        var known = secret;
        if (known == null) {
            var candidate = new byte[32];
            random.nextBytes(candidate);
            known = HexFormat.of().parseHex(store.secret("test-channel-hmac", HexFormat.of().formatHex(candidate)));
            secret = known;
        }
        return known;
    }
}
