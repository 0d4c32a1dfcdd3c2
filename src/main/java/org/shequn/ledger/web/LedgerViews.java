package org.shequn.ledger.web;

import java.util.List;
import org.shequn.ledger.AccountType;
import org.shequn.ledger.Balance;
import org.shequn.ledger.Ledger;

/** Balances for the operator's views, read through the ledger's API. */
final class LedgerViews {

    private LedgerViews() {
    }

    static List<Balance> balances(Ledger ledger, AccountType type, int limit) {
        return ledger.accounts(type, limit).stream().map(ledger::balance).toList();
    }
}
