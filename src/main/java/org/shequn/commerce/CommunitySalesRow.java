package org.shequn.commerce;

import org.shequn.shared.money.Money;

/**
 * A shop's sales in one community's store, for its merchant: the community (name and slug; null slug when it is
 * gone), orders paid and not refunded, their total and the merchant's share of them.
 */
public record CommunitySalesRow(long communityId, String communityName, String communitySlug, int orders, Money amount,
                                Money merchantShare) {
}
