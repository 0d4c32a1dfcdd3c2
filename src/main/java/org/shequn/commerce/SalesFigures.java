package org.shequn.commerce;

import org.shequn.shared.money.Money;

/** What a community's store sold: orders paid and not refunded, their total and the community's commission. */
public record SalesFigures(int orders, Money amount, Money commission) {
}
