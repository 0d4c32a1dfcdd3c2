/**
 * The ledger (账本): every movement of money as a balanced double-entry transaction in integer minor units,
 * append-only, each under a unique idempotency key — buyer payments into clearing, what is owed to merchants,
 * communities and referrers, the platform's fee, refunds and payouts. {@link org.shequn.ledger.Ledger} posts, reverses,
 * releases a reference for settlement and reads balances and statements; {@link org.shequn.ledger.LedgerOperations}
 * records the operator's payouts (never above what is settleable); {@link org.shequn.ledger.LedgerInvariants} checks
 * that every transaction sums to zero and the cached balances equal the entries. It knows nothing of orders or
 * communities: other modules post to it. The {@code web} sub-package holds the operator's endpoints and page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger", allowedDependencies = {"shared"})
package org.shequn.ledger;
