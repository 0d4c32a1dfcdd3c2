package org.shequn.ledger;

import org.shequn.shared.money.Money;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cached balances a transaction changes, added up as its postings are recorded and written just before it commits.
 * A balance row is shared by every posting of its account (the platform's clearing and fee accounts by every order),
 * and its row lock is held from the update until the commit: written mid-way, the lock would also span whatever the
 * caller does after posting (the order's state, notifications, events), and payments of different orders would queue on
 * it. Written last, in one order (account type, owner, currency) so two transactions never wait on each other's rows, it
 * is held for the few statements before the commit. And each balance is spread over {@link LedgerStore#STRIPES} rows
 * that add up to it; a transaction adds to one of them, picked at random, so two payments wait on each other only when
 * they picked the same. The entries themselves are inserted at once, in the posting's order.
 */
final class BalanceChanges implements TransactionSynchronization {

    private record Key(Account account, Money.Currency currency) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing((Key k) -> k.account().type())
            .thenComparingLong(k -> k.account().ownerId()).thenComparing(Key::currency);

    private final LedgerStore store;
    private final Map<Key, Long> changes = new TreeMap<>(ORDER);
    /** The one stripe of each balance this transaction adds to: another transaction most likely picked another. */
    private final int stripe = stripe();
    private boolean written;

    private BalanceChanges(LedgerStore store) {
        this.store = store;
    }

    private static int stripe() {
        return java.util.concurrent.ThreadLocalRandom.current().nextInt(LedgerStore.STRIPES);
    }

    /** Adds to the account's balance when the current transaction commits (at once when there is none). */
    static void add(LedgerStore store, Account account, Money amount) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store.addToBalance(account, amount, stripe());
            return;
        }
        // found among the transaction's own synchronizations: a transaction begun inside (REQUIRES_NEW) has its own
        BalanceChanges pending = null;
        for (var registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof BalanceChanges mine) {
                pending = mine;
            }
        }
        if (pending == null) {
            pending = new BalanceChanges(store);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (pending.written) {
            // posted by something else that runs just before the commit, after these were written
            store.addToBalance(account, amount, pending.stripe);
            return;
        }
        pending.changes.merge(new Key(account, amount.currency()), amount.minor(), Long::sum);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        changes.forEach((key, minor) -> store.addToBalance(key.account(), new Money(minor, key.currency()), stripe));
        changes.clear();
        written = true;
    }
}
