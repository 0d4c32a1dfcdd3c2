package org.shequn.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.shequn.ledger.Account;
import org.shequn.ledger.Leg;
import org.shequn.ledger.Ledger;
import org.shequn.ledger.Posting;
import org.shequn.ledger.ReferenceTotals;
import org.shequn.shared.money.Money;
import org.springframework.stereotype.Component;

/**
 * An entry fee's money in the ledger, written in the transaction that admits or refunds the payer: clearing takes
 * the fee, the community is owed it less the platform's fee. The community's part becomes settleable when the
 * refund window closes (at once when there is none); a refund within the window reverses the posting.
 */
@Component
class EntryBooks implements ReferenceTotals {

    private final Ledger ledger;
    private final EntryPaymentStore store;

    EntryBooks(Ledger ledger, EntryPaymentStore store) {
        this.ledger = ledger;
        this.store = store;
    }

    static String reference(long entryPaymentId) {
        return "entry:" + entryPaymentId;
    }

    private static String paidKey(long entryPaymentId) {
        return reference(entryPaymentId) + ":paid";
    }

    void paid(long entryPaymentId, long communityId, Money fee, Money platformFee, Instant settleableFrom) {
        var legs = new ArrayList<Leg>();
        legs.add(new Leg(Account.CLEARING, fee));
        legs.add(new Leg(Account.communityEntry(communityId), fee.minus(platformFee).negate()));
        if (!platformFee.isZero()) {
            legs.add(new Leg(Account.PLATFORM_FEE, platformFee.negate()));
        }
        ledger.post(new Posting(paidKey(entryPaymentId), reference(entryPaymentId), "入群费 #" + entryPaymentId, legs));
        ledger.markSettleable(reference(entryPaymentId), settleableFrom);
    }

    void refunded(long entryPaymentId) {
        ledger.reverse(paidKey(entryPaymentId), reference(entryPaymentId) + ":refund", "入群费 #" + entryPaymentId + " 退款");
    }

    /** For the ledger's invariant check: each admitted entry fee in clearing, zero once refunded. */
    @Override
    public Map<String, Money> expectedClearing() {
        return store.admittedTotals();
    }
}
