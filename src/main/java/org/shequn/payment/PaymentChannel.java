package org.shequn.payment;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.shequn.shared.money.Money;

/**
 * One way of taking money. A channel creates the payment at its provider (and says what the payer is shown), verifies
 * and reads the provider's notification, queries and refunds. It never records anything itself: what a notification
 * says is recorded by the payment module, once, whichever channel it came from. A channel that is not configured is
 * off: not offered, and its notification endpoint answers 404.
 */
public interface PaymentChannel {

    enum Kind {
        TEST, WECHAT, ALIPAY, OFFLINE;

        /** The channel's name in paths ({@code /api/v1/payments/notify/wechat}). */
        public String path() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> ofPath(String path) {
            for (var kind : values()) {
                if (kind.path().equals(path)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** What the payer is shown to pay. */
    enum Display {
        /** the value is the content of a QR code to scan (WeChat Native pay's code_url) */
        QR_CODE,
        /** the value is a URL to send the browser to (Alipay's cashier page) */
        REDIRECT,
        /** the value is this site's test-mode page */
        TEST_PAGE,
        /** nothing to show but the instructions for a transfer; someone confirms it by hand */
        OFFLINE_INSTRUCTIONS
    }

    /** A payment as a channel needs it. */
    record Order(long paymentId, String tradeNo, Money amount, String description, String providerTransactionId,
                 String returnTo) {
    }

    /** What the payer is shown, as the provider answered. */
    record Shown(Display display, String value) {
    }

    /** A notification as it arrived: header names in lower case, the raw body, and form fields (Alipay's). */
    record Incoming(Map<String, String> headers, String body, Map<String, String> form) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * What an authentic notification (or a query) says. {@code paid} is false for one that tells of something other
     * than success (a closed trade): acknowledged, nothing recorded.
     */
    record Notice(String notificationId, String tradeNo, String providerTransactionId, Money amount, Instant paidAt,
                  boolean paid) {
    }

    /** The body the provider expects back. */
    record Answer(int status, String contentType, String body) {
    }

    /** A notification that is not believed or does not match the payment: nothing is recorded. */
    final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason, null, false, false);
        }

        public Refused(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }

    Kind kind();

    /** Configured: offered to payers, and its notification endpoint exists. */
    boolean enabled();

    Shown create(Order order);

    /** The notification's signature, freshness and content checked; throws {@link Refused} otherwise. */
    Notice verify(Incoming notification);

    /** The provider's view of a payment, when it has one (the test and offline channels have none). */
    default Optional<Notice> query(Order order) {
        return Optional.empty();
    }

    /** Refunds {@code amount} at the provider; returns the provider's refund id. */
    String refund(Order order, String refundNo, Money amount);

    /** The answer after a notification was recorded (or recognised as already recorded); JSON unless the provider asks otherwise. */
    default Answer accepted() {
        return JsonAnswers.success();
    }

    /** The answer to a refused notification: the provider retries or gives up, as it does. */
    default Answer refused(String reason) {
        return JsonAnswers.failure(reason);
    }
}
