package org.shequn.payment;

import java.time.Instant;
import org.shequn.shared.money.Money;

/** A payment as its purpose's module and its payer see it. {@code refunded} is the total refunded so far. */
public record PaymentView(long id, String tradeNo, String purpose, Money amount, Money refunded,
                          PaymentChannel.Kind channel, PaymentStatus status, long payerAccountId, String description,
                          String returnTo, String providerTransactionId, Instant createdAt, Instant paidAt) {

    public boolean testMode() {
        return channel == PaymentChannel.Kind.TEST;
    }
}
