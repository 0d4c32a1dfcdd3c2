package org.shequn.entry;

import org.shequn.shared.money.Money;

/**
 * An entry payment was refunded in full and its membership ended; {@code refundKey} ({@code refund:<refundId>}) is
 * unique per refund, for the ledger's reversal. Published once, in the refunding transaction.
 */
public record EntryRefunded(long entryPaymentId, String refundKey, Money fee, Money platformFee) {
}
