package org.shequn.earnings;

import org.shequn.commerce.SalesFigures;
import org.shequn.community.CommunityInfo;
import org.shequn.entry.EntryIncome;
import org.shequn.ledger.Balance;
import org.shequn.ledger.StatementLine;
import org.shequn.shared.Page;

/**
 * What a community earned, for its owner and admins: the commission and entry-income balances, the statement of one
 * of them ({@code statementOf}: "commission" or "entry"), the store's sales (ever and this month) and the entry fees.
 */
public record CommunityEarnings(CommunityInfo community, boolean owner, Balance commission, Balance entry,
                                String statementOf, Page<StatementLine> statement, SalesFigures sales,
                                SalesFigures salesThisMonth, EntryIncome income) {
}
