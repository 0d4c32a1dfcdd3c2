package org.shequn.payment;

import java.time.Instant;
import org.shequn.shared.money.Money;

/**
 * A payment was paid: published once per payment, in the transaction whose conditional update turned it from PENDING
 * to PAID. Listen with {@code @ApplicationModuleListener}: the outbox delivers it after that transaction commits and
 * retries until the listener succeeds, so the purpose's module must act idempotently (by {@code paymentId}).
 * {@code providerTransactionId} is the provider's number (WeChat's transaction_id, Alipay's trade_no), or
 * {@code OFFLINE-…} for a transfer confirmed by hand.
 */
public record PaymentSucceeded(long paymentId, String purpose, Money amount, PaymentChannel.Kind channel,
                               String providerTransactionId, Instant paidAt) {
}
