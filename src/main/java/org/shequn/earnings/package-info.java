/**
 * Earnings (收入): the money views of the people who are owed money. A community's owner and admins see its
 * commission and entry-income balances (pending, settleable, paid out, 待追回) and statements from the ledger, the
 * store's sales from commerce and the entry fees (joins and renewals, this month and ever) from paid entry; a merchant
 * sees the shop's balance and statement and its sales grouped by the community that sold them.
 *
 * <p>A small read module of its own: the question "what did I earn" spans the ledger (which knows accounts, not
 * communities or shops), commerce and paid entry; putting it in any one of them would make that module depend on the
 * others or on the gate for someone else's money. It writes nothing. The {@code web} sub-package holds its pages and
 * endpoints.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Earnings",
        allowedDependencies = {"commerce", "community", "entry", "ledger", "membership", "shared"})
package org.shequn.earnings;
