package org.shequn.earnings;

import java.util.List;
import org.shequn.commerce.CommunitySalesRow;
import org.shequn.ledger.Balance;
import org.shequn.ledger.StatementLine;
import org.shequn.shared.Page;

/** What a merchant's shop earned: its balance, its statement and its sales grouped by the community that sold them. */
public record ShopEarnings(long shopId, Balance balance, Page<StatementLine> statement, List<CommunitySalesRow> byCommunity) {
}
