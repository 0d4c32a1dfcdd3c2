package org.shequn.payment;

import org.shequn.shared.money.Money;

/** A refund recorded against a payment. */
public record Refund(long refundId, long paymentId, String refundNo, Money amount, String providerRefundId) {
}
