package org.shequn.commerce.view;

import org.shequn.shared.money.Money;

/**
 * A dispute as the operators' queue shows it: with its order, who bought, whose shop sold, and how much of the order
 * is left to refund (what a refund decision may return at most).
 */
public record DisputeCase(DisputeView dispute, OrderView order, String buyerName, String shopName, Money left) {
}
