package org.shequn.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.shequn.shared.Cursor;
import org.shequn.shared.Page;
import org.shequn.shared.Rejection;
import org.shequn.shared.money.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's use cases for other modules. A posting is written in the caller's transaction (or a new one): its
 * transaction row, its entries and the cached balances of its accounts together, or nothing. The same idempotency key
 * with the same legs is the same transaction again, never a second one.
 */
@Service
public class Ledger {

    static final int STATEMENT_LIMIT = 100;

    private final LedgerStore store;
    private final Clock clock;

    Ledger(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records a balanced posting and returns its transaction id. The same key with the same reference and legs (in any
     * order) returns the first id and writes nothing; the same key with anything else is refused (409).
     */
    @Transactional
    public long post(Posting posting) {
        Objects.requireNonNull(posting, "posting");
        return record(posting, null);
    }

    /**
     * Fully reverses the posting recorded under {@code originalKey} with a posting of the negated legs under
     * {@code newKey} (same reference). A posting is reversed at most once; the same new key again is that reversal.
     */
    @Transactional
    public long reverse(String originalKey, String newKey, String memo) {
        var original = store.byKey(originalKey).orElseThrow(() -> Rejection.notFound("ledger.transaction.notFound"));
        var reversal = new Posting(newKey, original.reference(), memo,
                original.legs().stream().map(Leg::negated).toList());
        var earlier = store.reversalOf(original.id());
        if (earlier.isPresent()) {
            var same = store.byKey(newKey);
            if (same.isPresent() && same.get().id() == earlier.get()) {
                return earlier.get();
            }
            throw Rejection.conflict("ledger.alreadyReversed");
        }
        return record(reversal, original.id());
    }

    /**
     * Releases a reference for settlement: its entries on settling accounts (not clearing, not payout) become settleable
     * from {@code from}, and so do the reference's later postings (a refund after settlement is taken off settleable,
     * which may then be negative: 待追回). The first release of a reference stands; calling again changes nothing.
     */
    @Transactional
    public void markSettleable(String reference, Instant from) {
        if (reference == null || !Posting.REFERENCE.matcher(reference).matches()) {
            throw Rejection.invalid("reference", "ledger.reference.invalid");
        }
        Objects.requireNonNull(from, "from");
        // under the reference's lock: a posting of it at this moment is either before (and released here) or after
        store.lockReference(reference);
        if (store.releaseReference(reference, from)) {
            store.markSettleable(reference, from);
        }
    }

    /** The account's balance in yuan (the only currency taken today). */
    @Transactional(readOnly = true)
    public Balance balance(Account account) {
        return balance(account, Money.Currency.CNY);
    }

    @Transactional(readOnly = true)
    public Balance balance(Account account, Money.Currency currency) {
        var sums = store.sums(account, currency, clock.instant());
        // entries are signed the ledger's way (+ debit); what is owed to a settling account is their negation
        int sign = account.type().credit() ? -1 : 1;
        long total = sign * sums.total();
        long settleable = sign * sums.settleable();
        return new Balance(account, new Money(total, currency), new Money(total - settleable, currency),
                new Money(settleable, currency), new Money(-sign * sums.paidOut(), currency));
    }

    /** The accounts that have entries (of one type, or all when {@code type} is null), by type and owner. */
    @Transactional(readOnly = true)
    public List<Account> accounts(AccountType type, int limit) {
        return store.accounts(type, Math.min(Math.max(limit, 1), 1000));
    }

    /** The latest refunds (reversals of orders' and entry fees' postings), newest first. */
    @Transactional(readOnly = true)
    public List<Reversal> recentReversals(int limit) {
        return store.reversals(Math.min(Math.max(limit, 1), 200));
    }

    /** The account's entries, newest first, after {@code before} (null: from the newest), at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<StatementLine> statement(Account account, Cursor before, int limit) {
        return store.statement(account, Money.Currency.CNY, before, Math.min(Math.max(limit, 1), STATEMENT_LIMIT));
    }

    /** One page of {@link #statement} with the cursor to the next. */
    @Transactional(readOnly = true)
    public Page<StatementLine> statementPage(Account account, Cursor before, int limit) {
        int size = Math.min(Math.max(limit, 1), STATEMENT_LIMIT);
        return Page.cut(store.statement(account, Money.Currency.CNY, before, size + 1), size,
                last -> Cursor.at(store.entryTime(last.entryId()), last.entryId()));
    }

    private long record(Posting posting, Long reversesId) {
        var now = clock.instant();
        java.util.Optional<Long> inserted;
        try {
            inserted = store.insertUnlessKeyUsed(posting.idempotencyKey(), posting.reference(), posting.memo(),
                    reversesId, now);
        } catch (DuplicateKeyException raced) {
            // H2 reports a key inserted by a concurrent transaction as a duplicate: that transaction's posting stands
            inserted = java.util.Optional.empty();
        }
        if (inserted.isEmpty()) {
            return same(posting);
        }
        long id = inserted.get();
        boolean payout = posting.payout();
        // read under the reference's lock, so a release at this moment cannot miss this posting's entries
        var released = store.lockReference(posting.reference()).orElse(null);
        for (var leg : posting.canonicalLegs()) {
            Instant settleableFrom = null;
            if (leg.account().type().settles()) {
                settleableFrom = payout ? now : released;
            }
            store.insertEntry(id, leg, payout, settleableFrom, now);
            // the cached balances are written just before the commit, in one order (BalanceChanges)
            BalanceChanges.add(store, leg.account(), leg.amount());
        }
        return id;
    }

    private long same(Posting posting) {
        var earlier = store.byKey(posting.idempotencyKey())
                .orElseThrow(() -> Rejection.conflict("ledger.idempotency.mismatch"));
        var legs = new Posting(posting.idempotencyKey(), earlier.reference(), earlier.memo(), earlier.legs()).canonicalLegs();
        if (!earlier.reference().equals(posting.reference()) || !legs.equals(posting.canonicalLegs())) {
            throw Rejection.conflict("ledger.idempotency.mismatch");
        }
        return earlier.id();
    }
}
