package org.shequn.insight.view;

import java.util.List;
import org.shequn.shared.money.Money;

/**
 * What a merchant learns about their shop ({@code productId} null) or one product: totals, sales per community per
 * week, buyers, the buyers' profile (sharing buyers only, small groups folded) and the communities that fit.
 */
public record Insight(String shopName, Long productId, String productTitle, long orders, Money amount, long buyers,
                      long sharing, WeeklySales weekly, List<Buyer> buyerList, List<Facet> profile,
                      List<CommunityFit> fit) {
}
