package org.shequn.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A refund asked again under its idempotency key reaches the provider with the same refund number (so a refund whose
 * answer was lost is not made twice); another key or payment gets another number, short enough for every provider.
 */
class RefundNumberTest {

    @Test
    void theSameKeyOfTheSamePaymentIsTheSameRefundAtTheProvider() {
        var first = Payments.refundNo(42, "order-dispute-7");
        assertThat(Payments.refundNo(42, "order-dispute-7")).isEqualTo(first);
        assertThat(Payments.refundNo(42, "order-dispute-8")).isNotEqualTo(first);
        assertThat(Payments.refundNo(43, "order-dispute-7")).isNotEqualTo(first);
        assertThat(first).matches("RF[0-9a-f]{24}");
    }
}
