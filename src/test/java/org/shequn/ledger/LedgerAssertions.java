package org.shequn.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.shequn.shared.money.Money;

/**
 * For every test that moves money: call {@code assertBalanced(invariants)} after the scenario (with the references'
 * expected net clearing amounts when the test knows them, e.g. {@code Map.of("order:42", Money.cny(1990))}).
 */
public final class LedgerAssertions {

    private LedgerAssertions() {
    }

    /** Every transaction balanced, every cached balance its entries' sum, every order and entry fee in clearing as its module says. */
    public static void assertBalanced(LedgerInvariants invariants) {
        assertThat(invariants.check().problems()).as("ledger invariants").isEmpty();
    }

    public static void assertBalanced(LedgerInvariants invariants, Map<String, Money> expectedClearing) {
        var report = invariants.check(expectedClearing);
        assertThat(report.problems()).as("ledger invariants").isEmpty();
    }
}
