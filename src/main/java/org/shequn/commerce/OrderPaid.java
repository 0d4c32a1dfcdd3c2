package org.shequn.commerce;

/**
 * An order was paid: published once, in the transaction that moved it from CREATED to PAID (through the outbox).
 * {@code referrerAccountId} is 0 when no member's share link brought the buyer. The ledger posts the split.
 */
public record OrderPaid(long orderId, long shopId, long communityId, long referrerAccountId, OrderSplit split,
                        long paymentId) {
}
