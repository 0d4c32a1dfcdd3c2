package org.shequn.payment;

/**
 * What the page shows to pay a payment just started (or started before with the same idempotency key):
 * a QR code's content, a URL to go to, the test-mode page, or transfer instructions. {@code testMode} is true for the
 * test channel, whose every page says so.
 */
public record Checkout(long paymentId, String tradeNo, PaymentChannel.Kind channel, PaymentChannel.Display display,
                       String value, boolean testMode) {
}
