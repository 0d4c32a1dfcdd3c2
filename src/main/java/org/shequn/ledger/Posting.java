package org.shequn.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.shequn.shared.Rejection;
import org.shequn.shared.money.Money;
import org.shequn.shared.text.ControlCharacters;

/**
 * What a module asks the ledger to record: its idempotency key, the reference that groups the postings of one business
 * thing ({@code order:42}), a memo, and the legs. A posting is balanced (its legs sum to zero), in one currency, and
 * no leg is zero; anything else is refused when the posting is made, before anything is written.
 */
public record Posting(String idempotencyKey, String reference, String memo, List<Leg> legs) {

    static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_.:-]{1,100}$");
    static final Pattern REFERENCE = Pattern.compile("^[a-z][a-z0-9_-]{0,15}:[A-Za-z0-9_-]{1,40}$");
    static final int MAX_LEGS = 20;

    public Posting {
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw Rejection.invalid("idempotencyKey", "ledger.idempotencyKey.invalid");
        }
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw Rejection.invalid("reference", "ledger.reference.invalid");
        }
        memo = memo == null ? "" : memo.strip();
        if (memo.length() > 200 || ControlCharacters.in(memo)) {
            throw Rejection.invalid("memo", "ledger.memo.invalid");
        }
        if (legs == null || legs.size() < 2 || legs.size() > MAX_LEGS || legs.stream().anyMatch(java.util.Objects::isNull)) {
            throw Rejection.invalid("legs", "ledger.legs.count");
        }
        legs = List.copyOf(legs);
        var currency = legs.getFirst().amount().currency();
        long sum = 0;
        for (var leg : legs) {
            if (leg.amount().isZero()) {
                throw Rejection.invalid("legs", "ledger.legs.zero");
            }
            if (leg.amount().currency() != currency) {
                throw Rejection.invalid("legs", "ledger.legs.currency");
            }
            sum = Math.addExact(sum, leg.amount().minor());
        }
        if (sum != 0) {
            throw Rejection.invalid("legs", "ledger.legs.unbalanced", new Money(sum, currency).plain());
        }
    }

    public Money.Currency currency() {
        return legs.getFirst().amount().currency();
    }

    /** True for a payout (money leaving the platform): its legs count as paid out and are settled at once. */
    public boolean payout() {
        return legs.stream().anyMatch(l -> l.account().type() == AccountType.PAYOUT);
    }

    /** The legs in one order, so two postings compare equal whatever order their legs were listed in. */
    List<Leg> canonicalLegs() {
        var sorted = new ArrayList<>(legs);
        sorted.sort(Comparator.comparing((Leg l) -> l.account().type()).thenComparingLong(l -> l.account().ownerId())
                .thenComparingLong(l -> l.amount().minor()));
        return sorted;
    }

    /** The same legs negated: what reverses this posting fully. */
    List<Leg> reversedLegs() {
        return legs.stream().map(Leg::negated).toList();
    }
}
