package org.shequn.ledger;

import org.shequn.shared.money.Money;

/**
 * What the platform owes an account (the negated sum of its entries, so a merchant's earnings are positive):
 * {@code pending} waits for its order to complete and the refund window to close; {@code settleable} may be paid out,
 * and is negative when a refund came after settlement — then {@code toRecover} (待追回) says how much the next
 * settlements take back first. It is shown as it is, never clamped to zero. {@code paidOut} is what was paid out
 * so far (already taken off settleable). {@code total} = pending + settleable.
 */
public record Balance(Account account, Money total, Money pending, Money settleable, Money paidOut) {

    public Money toRecover() {
        return settleable.isNegative() ? settleable.negate() : Money.zero(settleable.currency());
    }

    /** What a payout may take now: the settleable amount, or nothing while there is something to recover. */
    public Money payable() {
        return settleable.isNegative() ? Money.zero(settleable.currency()) : settleable;
    }
}
