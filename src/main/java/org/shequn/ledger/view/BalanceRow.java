package org.shequn.ledger.view;

import org.shequn.ledger.Balance;

/** One row of the operator's balances table: the balance and the link to its statement. */
public record BalanceRow(Balance balance, String statementUrl) {

    public static BalanceRow of(Balance b) {
        return new BalanceRow(b, "/operator/ledger?type=" + b.account().type().name() + "&owner=" + b.account().ownerId());
    }
}
