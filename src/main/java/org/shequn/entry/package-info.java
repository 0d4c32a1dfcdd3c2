/**
 * Paid entry (付费入群): a community's entry fee and term (days or lifetime), renewal price, refund window and
 * free-trial days; the checkout that joins (open, after approval, or with an invitation) or renews through
 * {@link org.shequn.payment.Payments} with purpose {@code entry:<id>}; admission once the payment succeeds; refunds
 * within the window; reminders before a term ends. It publishes {@link org.shequn.entry.EntryPaid} and
 * {@link org.shequn.entry.EntryRefunded} for the ledger.
 *
 * <p>A module of its own rather than part of membership: membership is the gate every module passes and must not
 * depend on payments; the fee is one more step in front of the entry rules membership keeps. So membership owns the
 * term of a membership (its end, which the gate reads) and offers {@link org.shequn.membership.PaidMembership}, and
 * asks this module through {@link org.shequn.membership.EntryCharge} whether a community charges; this module owns the
 * money side. The {@code web} sub-package holds its endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Paid entry",
        allowedDependencies = {"community", "ledger", "membership", "payment", "shared"})
package org.shequn.entry;
