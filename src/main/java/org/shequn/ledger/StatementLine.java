package org.shequn.ledger;

import java.time.Instant;
import org.shequn.shared.money.Money;

/**
 * One entry of an account, as its owner reads it: {@code amount} is signed the owner's way (+ earned, − refunded or
 * paid out), {@code settleableFrom} is null while it is pending.
 */
public record StatementLine(long entryId, long transactionId, String reference, String memo, Money amount,
                            boolean payout, Instant settleableFrom, Instant at) {
}
