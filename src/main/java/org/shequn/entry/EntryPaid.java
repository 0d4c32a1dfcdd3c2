package org.shequn.entry;

import org.shequn.shared.money.Money;

/**
 * Someone paid to enter (or renew) a community and was admitted: for the ledger ({@code CLEARING +fee},
 * {@code COMMUNITY_ENTRY(community) −(fee − platformFee)}, {@code PLATFORM_FEE −platformFee}, reference
 * {@code entry:<entryPaymentId>}). Published once per entry payment, in the admitting transaction.
 */
public record EntryPaid(long entryPaymentId, long communityId, long accountId, Money fee, Money platformFee,
                        long paymentId) {
}
