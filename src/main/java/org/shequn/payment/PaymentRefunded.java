package org.shequn.payment;

import org.shequn.shared.money.Money;

/** Part or all of a payment was refunded; {@code refundId} is unique per refund (use it as the ledger's key). */
public record PaymentRefunded(long paymentId, String purpose, Money amount, long refundId) {
}
