package org.shequn.ledger;

import java.time.Clock;
import java.util.List;
import org.shequn.shared.Rejection;
import org.shequn.shared.money.Money;
import org.shequn.shared.text.ControlCharacters;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the platform operator does with the ledger: record a payout (settlement) to an owner or merchant. A payout is
 * never above what the account has settleable; while a refund after settlement left it negative (待追回), nothing can
 * be paid out until new settleable amounts have covered it. The caller has checked that its viewer is an operator.
 */
@Service
public class LedgerOperations {

    private final Ledger ledger;
    private final LedgerStore store;
    private final PayoutStore payouts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LedgerOperations(Ledger ledger, LedgerStore store, PayoutStore payouts, TransactionTemplate transactions, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.payouts = payouts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Pays {@code amount} out of the account's settleable balance: {@code account +amount, PAYOUT −amount}, under the
     * reference {@code payout:<id>}. The same idempotency key with the same account and amount returns the first payout;
     * with another, it is refused (409). Two payouts of one account at once are taken one after the other, so together
     * they can never exceed what was settleable.
     */
    public Payout payout(Account account, Money amount, String note, String idempotencyKey, long operatorId) {
        if (account == null || !account.type().settles() || account.type() == AccountType.PLATFORM_FEE) {
            throw Rejection.invalid("accountType", "ledger.payout.account");
        }
        if (amount == null || amount.minor() <= 0) {
            throw Rejection.invalid("amount", "ledger.amount.positive");
        }
        if (amount.minor() > 100_000_000_000L) {
            throw Rejection.invalid("amount", "ledger.amount.tooLarge");
        }
        var text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > 500 || ControlCharacters.in(text)) {
            throw Rejection.invalid("note", "ledger.note.invalid");
        }
        if (idempotencyKey == null || !Posting.KEY.matcher(idempotencyKey).matches() || idempotencyKey.length() > 90) {
            throw Rejection.invalid("idempotencyKey", "ledger.idempotencyKey.invalid");
        }
        try {
            return transactions.execute(status -> payOnce(account, amount, text, idempotencyKey, operatorId));
        } catch (DuplicateKeyException raced) {
            // the same key at the same moment for another account: the other payout stands
            return same(payouts.byKey(idempotencyKey).orElseThrow(() -> raced), account, amount);
        }
    }

    private Payout payOnce(Account account, Money amount, String note, String key, long operatorId) {
        store.lockBalance(account, amount.currency());
        var earlier = payouts.byKey(key);
        if (earlier.isPresent()) {
            return same(earlier.get(), account, amount);
        }
        var balance = ledger.balance(account, amount.currency());
        if (amount.compareTo(balance.payable()) > 0) {
            throw Rejection.invalid("amount", "ledger.payout.aboveSettleable", balance.settleable().display());
        }
        long payoutId = payouts.insert(account, amount, note, operatorId, key, clock.instant());
        long transactionId = ledger.post(new Posting("payout:" + key, "payout:" + payoutId, note,
                List.of(new Leg(account, amount), new Leg(Account.PAYOUT, amount.negate()))));
        payouts.recordTransaction(payoutId, transactionId);
        return payouts.byKey(key).orElseThrow();
    }

    private static Payout same(Payout earlier, Account account, Money amount) {
        if (!earlier.account().equals(account) || !earlier.amount().equals(amount)) {
            throw Rejection.conflict("ledger.idempotency.mismatch");
        }
        return earlier;
    }

    /** The latest payouts, newest first. */
    public List<Payout> recentPayouts(int limit) {
        return payouts.recent(Math.min(Math.max(limit, 1), 200));
    }
}
