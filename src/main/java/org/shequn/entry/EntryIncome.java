package org.shequn.entry;

import org.shequn.shared.money.Money;

/**
 * A community's entry income as its runners read it: fees paid and not refunded, split into joins (first entry) and
 * renewals, in total and since the start of the month.
 */
public record EntryIncome(Tally joins, Tally renewals, Tally joinsThisMonth, Tally renewalsThisMonth) {

    /** How many payments and how much they brought. */
    public record Tally(int count, Money amount) {
    }
}
