package org.shequn.ledger.view;

import java.util.List;
import org.shequn.ledger.Balance;
import org.shequn.ledger.LedgerInvariants;
import org.shequn.ledger.Payout;
import org.shequn.ledger.StatementLine;
import org.shequn.shared.Page;

/**
 * What the operator's ledger page shows: the invariant check, every balance, the latest payouts, the payout form
 * (with a fresh idempotency key, so sending it twice records one payout), and one account's statement when chosen.
 */
public record LedgerPage(LedgerInvariants.Report health, List<BalanceRow> balances, List<Payout> payouts,
                         String payoutKey, Balance selected, Page<StatementLine> statement, String moreUrl) {
}
