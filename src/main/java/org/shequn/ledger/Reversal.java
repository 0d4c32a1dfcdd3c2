package org.shequn.ledger;

import java.time.Instant;
import org.shequn.shared.money.Money;

/**
 * A refund as the ledger saw it: a posting that reversed an earlier one (an order's or an entry fee's), with what
 * left clearing ({@code amount}, positive: the money given back) and when.
 */
public record Reversal(long transactionId, String reference, String memo, Money amount, Instant at) {
}
