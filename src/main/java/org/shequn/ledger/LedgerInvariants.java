package org.shequn.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shequn.shared.money.Money;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's invariants, checked by tests after every scenario and by the operator's health check: every
 * transaction has at least two entries in one currency that sum to zero; every cached balance equals the sum of its
 * account's entries (and no account has entries without one); each reference's clearing entries net to what its
 * module says ({@link ReferenceTotals}, or the amounts a test gives).
 */
@Service
public class LedgerInvariants {

    static final int SHOWN = 20;

    /** The outcome: {@code problems} is empty when the ledger holds. */
    public record Report(long transactions, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final LedgerStore store;
    private final ObjectProvider<ReferenceTotals> totals;

    LedgerInvariants(LedgerStore store, ObjectProvider<ReferenceTotals> totals) {
        this.store = store;
        this.totals = totals;
    }

    @Transactional(readOnly = true)
    public Report check() {
        var expected = new HashMap<String, Money>();
        totals.orderedStream().forEach(t -> expected.putAll(t.expectedClearing()));
        return check(expected);
    }

    /** As {@link #check()}, also comparing each given reference's clearing entries with its expected net amount. */
    @Transactional(readOnly = true)
    public Report check(Map<String, Money> expectedClearing) {
        var problems = new ArrayList<String>();
        for (long id : store.unbalancedTransactions(SHOWN)) {
            problems.add("transaction " + id + " does not sum to zero in one currency with two or more entries");
        }
        var cached = new HashMap<String, Long>();
        for (var b : store.cachedBalances()) {
            cached.put(key(b), b.minor());
        }
        var summed = new HashMap<String, Long>();
        for (var s : store.entrySums()) {
            summed.put(key(s), s.minor());
        }
        for (var e : summed.entrySet()) {
            var c = cached.get(e.getKey());
            if (c == null || c.longValue() != e.getValue()) {
                problems.add("balance " + e.getKey() + " is " + c + " but its entries sum to " + e.getValue());
            }
        }
        for (var c : cached.entrySet()) {
            if (!summed.containsKey(c.getKey()) && c.getValue() != 0) {
                problems.add("balance " + c.getKey() + " is " + c.getValue() + " without any entries");
            }
        }
        expectedClearing.forEach((reference, amount) -> {
            long net = store.clearingOf(reference);
            if (net != amount.minor()) {
                problems.add("reference " + reference + " brought " + net + " into clearing, expected " + amount.minor());
            }
        });
        return new Report(store.transactionCount(), List.copyOf(problems.subList(0, Math.min(problems.size(), SHOWN))));
    }

    private static String key(LedgerStore.AccountSum s) {
        return s.type() + ":" + s.ownerId() + ":" + s.currency();
    }
}
