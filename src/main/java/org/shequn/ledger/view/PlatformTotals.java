package org.shequn.ledger.view;

import org.shequn.ledger.Account;
import org.shequn.ledger.Ledger;
import org.shequn.shared.money.Money;

/**
 * The platform's figures at a glance: what buyers paid into clearing (net of refunds), what was paid out of it to
 * owners, merchants and referrers, what it therefore still holds, the platform's own fee among that, and what reached
 * it for something that could not take it and is still to go back to its payer (待退款).
 */
public record PlatformTotals(Money collected, Money paidOut, Money feeEarned, Money toRefund) {

    public static PlatformTotals of(Ledger ledger) {
        // clearing is a debit account: its balance is what came in; payout's entries are credits: what left, negated
        return new PlatformTotals(ledger.balance(Account.CLEARING).total(), ledger.balance(Account.PAYOUT).total().negate(),
                ledger.balance(Account.PLATFORM_FEE).total(), ledger.balance(Account.TO_REFUND).total());
    }

    /** What the platform holds now: collected and not yet paid out. */
    public Money held() {
        return collected.minus(paidOut);
    }
}
