package org.shequn.entry;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.shequn.membership.PaidMembership;
import org.shequn.payment.PaymentSucceeded;
import org.shequn.payment.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Admits a payer once their entry payment succeeded: the entry payment turns PAID by one conditional update (a
 * redelivered event changes nothing), the payer becomes a member until the end of the term (or the term is
 * extended), and {@link EntryPaid} is published. When the rules refuse them now (the community filled up, they were
 * banned, they became a member by another payment), the payment is refunded in full instead.
 */
@Component
class EntryAdmission {

    private static final Logger log = LoggerFactory.getLogger(EntryAdmission.class);

    private final EntryPaymentStore store;
    private final EntryTermsStore terms;
    private final CouponStore coupons;
    private final PaidMembership memberships;
    private final Payments payments;
    private final ApplicationEventPublisher events;
    private final EntryBooks books;
    private final Clock clock;

    EntryAdmission(EntryPaymentStore store, EntryTermsStore terms, CouponStore coupons, PaidMembership memberships, Payments payments,
                   ApplicationEventPublisher events, EntryBooks books, Clock clock) {
        this.books = books;
        this.store = store;
        this.terms = terms;
        this.coupons = coupons;
        this.memberships = memberships;
        this.payments = payments;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PaymentSucceeded paid) {
        if (!paid.purpose().startsWith("entry:")) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(paid.purpose().substring("entry:".length()));
        } catch (NumberFormatException e) {
            log.warn("Payment {} names an entry payment that cannot exist: {}", paid.paymentId(), paid.purpose());
            return;
        }
        var entry = store.byId(id).orElse(null);
        if (entry == null) {
            log.warn("Payment {} names an unknown entry payment {}; returning it", paid.paymentId(), id);
            payments.returnOnArrival(paid.paymentId(), "entry.unknown");
            return;
        }
        var now = OffsetDateTime.now(clock);
        var paidAt = paid.paidAt() == null ? now : paid.paidAt().atOffset(ZoneOffset.UTC);
        var refundHours = terms.find(entry.communityId()).map(EntryTerms::refundHours).orElse(0);
        var refundUntil = refundHours > 0 ? paidAt.plusHours(refundHours) : null;
        var expiresAt = entry.termDays() == null ? null : now.plusDays(entry.termDays());
        if (!store.markPaid(id, paid.paymentId(), paidAt, expiresAt, refundUntil)) {
            return; // this payment was recorded before: nothing more to do
        }
        String refusal = null;
        // the coupon's use is taken first, by a conditional update: payers racing for its last use cannot all have it
        boolean couponTaken = false;
        if (!paid.amount().equals(entry.amount())) {
            refusal = "entry.amountMismatch";
        } else if (entry.couponId() != null && !(couponTaken = coupons.use(entry.couponId(), now))) {
            refusal = "entry.coupon.usedUp";
        } else if (entry.kind() == EntryPaymentStore.Kind.RENEWAL) {
            var until = memberships.extend(entry.communityId(), entry.accountId(), Duration.ofDays(entry.termDays()));
            if (until.isPresent()) {
                store.setExpiry(id, until.get());
            } else {
                refusal = "entry.renewal.refused";
            }
        } else {
            refusal = memberships.admit(entry.communityId(), entry.accountId(), entry.invitationCode(), expiresAt).orElse(null);
        }
        if (refusal != null) {
            if (couponTaken) {
                coupons.giveBack(entry.couponId());
            }
            log.info("Entry payment {} could not admit ({}); refunding payment {}", id, refusal, paid.paymentId());
            store.markRefused(id);
            // the money reached us: it is in the ledger (待退款) until it has gone back
            payments.returnOnArrival(paid.paymentId(), refusal.length() <= 64 ? refusal : "entry.refused");
            return;
        }
        books.paid(id, entry.communityId(), entry.amount(), entry.platformFee(),
                (refundUntil == null ? paidAt : refundUntil).toInstant());
        events.publishEvent(new EntryPaid(id, entry.communityId(), entry.accountId(), entry.amount(), entry.platformFee(),
                paid.paymentId()));
    }
}
