package org.shequn.ledger;

import java.util.Objects;
import org.shequn.shared.money.Money;

/** One side of a posting: + is a debit, − a credit. A posting's legs sum to zero in one currency. */
public record Leg(Account account, Money amount) {

    public Leg {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
    }

    public Leg negated() {
        return new Leg(account, amount.negate());
    }
}
