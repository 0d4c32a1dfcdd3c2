package org.shequn.ledger.view;

import java.util.List;
import org.shequn.ledger.Balance;
import org.shequn.ledger.LedgerInvariants;
import org.shequn.ledger.Payout;
import org.shequn.ledger.StatementLine;
import org.shequn.shared.Page;

/**
 * What the operator's ledger page shows: the invariant check, every balance, the latest payouts, the payout form
 * (with a fresh idempotency key, so sending it twice records one payout), one account's statement when chosen, the
 * platform's totals, the settlement run (a payout button per account with something settleable) and recent refunds.
 */
public record LedgerPage(LedgerInvariants.Report health, List<BalanceRow> balances, List<Payout> payouts,
                         String payoutKey, Balance selected, Page<StatementLine> statement, String moreUrl,
                         PlatformTotals totals, List<RunRow> settlementRun, List<org.shequn.ledger.Reversal> refunds) {

    /**
     * One account of the settlement run: its balance and a fresh idempotency key for its payout button (so a
     * double click pays once).
     */
    public record RunRow(Balance balance, String payoutKey) {
    }

    /** The settling accounts (not the platform's fee) with something settleable or something to recover. */
    public static List<RunRow> run(List<Balance> balances) {
        return balances.stream()
                .filter(b -> b.account().type().settles() && b.account().type() != org.shequn.ledger.AccountType.PLATFORM_FEE)
                .filter(b -> !b.settleable().isZero())
                .map(b -> new RunRow(b, java.util.UUID.randomUUID().toString())).toList();
    }
}
