package org.shequn.payment;

import org.shequn.shared.money.Money;

/**
 * A payment a module asks for: what it is for ({@code "order:42"}, chosen by that module), how much, through which
 * channel, who pays, a line the payer sees at the provider, the payer's idempotency key (the same key returns the same
 * payment), and the page on this site to return to after paying (a path; anything else returns to "/").
 */
public record PaymentRequest(String purpose, Money amount, PaymentChannel.Kind channel, long payerAccountId,
                             String description, String idempotencyKey, String returnTo) {

    public PaymentRequest(String purpose, Money amount, PaymentChannel.Kind channel, long payerAccountId,
                          String description, String idempotencyKey) {
        this(purpose, amount, channel, payerAccountId, description, idempotencyKey, "/");
    }
}
