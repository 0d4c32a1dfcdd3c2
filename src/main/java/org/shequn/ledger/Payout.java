package org.shequn.ledger;

import java.time.Instant;
import org.shequn.shared.money.Money;

/** A payout (settlement) the operator recorded: the account paid, the amount, the note, who recorded it and when. */
public record Payout(long id, long transactionId, Account account, Money amount, String note, long operatorId,
                     Instant at) {
}
