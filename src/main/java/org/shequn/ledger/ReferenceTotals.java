package org.shequn.ledger;

import java.util.Map;
import org.shequn.shared.money.Money;

/**
 * What a module says its references should have brought into clearing (an order's total paid less refunded, an
 * entry fee), implemented by the module that posts them (commerce, paid entry) so {@link LedgerInvariants} can compare
 * it with the ledger. None is implemented yet.
 */
public interface ReferenceTotals {

    /** Reference ("order:42") → the net amount its CLEARING entries must sum to. */
    Map<String, Money> expectedClearing();
}
