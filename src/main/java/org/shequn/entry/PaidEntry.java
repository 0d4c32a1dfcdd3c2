package org.shequn.entry;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.shequn.community.CommunityInfo;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.PaidMembership;
import org.shequn.membership.Standing;
import org.shequn.payment.Checkout;
import org.shequn.payment.PaymentChannel;
import org.shequn.payment.PaymentRequest;
import org.shequn.payment.Payments;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.shequn.shared.money.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paid entry's use cases: the owner sets or stops the fee; a newcomer or a member whose term runs out checks out;
 * a payer asks for their money back within the window. Admission itself happens when the payment succeeds
 * ({@link EntryAdmission}).
 */
@Service
public class PaidEntry {

    /** What anyone may see of a community's paid entry, and the viewer's own place in it. */
    public record Shown(CommunityInfo community, Optional<EntryTerms> terms, boolean member, boolean expired,
                        OffsetDateTime expiresAt, boolean mayRenew, Optional<Refundable> refundable,
                        List<PaymentChannel.Kind> channels, boolean owner, boolean mayTry) {
    }

    /** The viewer's latest payment while its refund window is open. */
    public record Refundable(long entryPaymentId, Money amount, OffsetDateTime until) {
    }

    /** A checkout started: the entry payment and what to show to pay it. */
    public record Started(long entryPaymentId, Money amount, boolean renewal, Checkout checkout) {
    }

    private final CommunityGate gate;
    private final PaidMembership memberships;
    private final EntryTermsStore terms;
    private final EntryPaymentStore store;
    private final CouponStore coupons;
    private final Payments payments;
    private final Validation validation;
    private final ApplicationEventPublisher events;
    private final EntryBooks books;
    private final Clock clock;
    private final int platformFeeBasisPoints;

    PaidEntry(CommunityGate gate, PaidMembership memberships, EntryTermsStore terms, EntryPaymentStore store,
              CouponStore coupons, Payments payments, Validation validation, ApplicationEventPublisher events,
              EntryBooks books, Clock clock, @Value("${shequn.entry.platform-fee-basis-points:500}") int platformFeeBasisPoints) {
        this.gate = gate;
        this.memberships = memberships;
        this.terms = terms;
        this.store = store;
        this.coupons = coupons;
        this.payments = payments;
        this.validation = validation;
        this.events = events;
        this.books = books;
        this.clock = clock;
        this.platformFeeBasisPoints = platformFeeBasisPoints;
    }

    public Shown show(Viewer viewer, String slug) {
        var standing = gate.of(viewer, slug).requireCommunity();
        var community = standing.community();
        var current = terms.find(community.id());
        OffsetDateTime expiresAt = null;
        Optional<Refundable> refundable = Optional.empty();
        if (standing.signedIn()) {
            expiresAt = memberships.term(community.id(), standing.accountId()).map(PaidMembership.Term::expiresAt).orElse(null);
            var now = now();
            refundable = store.latestPaid(community.id(), standing.accountId())
                    .filter(p -> p.refundUntil() != null && p.refundUntil().isAfter(now))
                    .map(p -> new Refundable(p.id(), p.amount(), p.refundUntil()));
        }
        boolean mayRenew = current.isPresent() && expiresAt != null && !current.get().lifetime();
        boolean mayTry = current.isPresent() && current.get().trialDays() != null && standing.signedIn()
                && !standing.member() && !standing.expired() && !store.triedBefore(community.id(), standing.accountId());
        return new Shown(community, current, standing.member(), standing.expired(), expiresAt, mayRenew, refundable,
                payments.channels(), standing.owner(), mayTry);
    }

    /** The owner's view of the settings page (the archive is shown there; saving refuses it). */
    public Shown settings(Viewer viewer, String slug) {
        gate.of(viewer, slug).requireOwner();
        return show(viewer, slug);
    }

    @Transactional
    public EntryTerms set(Viewer viewer, String slug, EntryTerms wanted) {
        var community = gate.of(viewer, slug).requireOwner().requireWritable().community();
        validation.check(wanted);
        if (wanted.renewalMinor() != null && wanted.lifetime()) {
            throw Rejection.invalid("renewalMinor", "entry.renewal.lifetime");
        }
        terms.save(community.id(), wanted, now());
        return terms.find(community.id()).orElseThrow();
    }

    /**
     * Makes the community free to join again. Paid memberships then have no end: with nothing to renew, a term that
     * ran out would lock its member out for good.
     */
    @Transactional
    public void stop(Viewer viewer, String slug) {
        var community = gate.of(viewer, slug).requireOwner().requireWritable().community();
        if (!terms.delete(community.id())) {
            throw Rejection.conflict("entry.notCharging");
        }
        memberships.endTerms(community.id());
    }

    /**
     * Starts paying to join (open, approved, or with an invitation code) or to renew. The same checkout again (same
     * kind, amount, code and channel, not yet paid) returns the payment started before.
     */
    public Started checkout(Viewer viewer, String slug, PaymentChannel.Kind channel, String code) {
        return checkout(viewer, slug, channel, code, null);
    }

    /**
     * The same, with a coupon's code: the price is reduced by it (to at least 1 分), and its use is counted when the
     * payment admits, never past its limit.
     */
    @Transactional
    public Started checkout(Viewer viewer, String slug, PaymentChannel.Kind channel, String code, String couponCode) {
        var standing = gate.of(viewer, slug).requireSignedIn();
        if (standing.banned()) {
            throw Rejection.forbidden("membership.banned");
        }
        standing.requireWritable();
        var community = standing.community();
        var current = terms.find(community.id()).orElseThrow(() -> Rejection.conflict("entry.notCharging"));
        if (channel == null) {
            throw Rejection.invalid("channel", "payment.channel.off");
        }
        var cleanCode = code == null || code.isBlank() ? null : code.strip();
        if (cleanCode != null && cleanCode.length() > 32) {
            throw Rejection.invalid("code", "membership.invitation.unknown");
        }
        var route = memberships.mayPay(community, standing.accountId(), cleanCode);
        boolean renewal = route == PaidMembership.Route.RENEWAL;
        if (renewal && current.lifetime()) {
            throw Rejection.conflict("membership.entry.noTerm");
        }
        var kind = renewal ? EntryPaymentStore.Kind.RENEWAL : EntryPaymentStore.Kind.JOIN;
        // the renewal price is for those who paid before; after a free trial, entry costs the fee
        boolean paidBefore = renewal && store.hasPaid(community.id(), standing.accountId());
        var price = Money.cny(paidBefore ? current.renewalOrFeeMinor() : current.feeMinor());
        var coupon = coupon(community.id(), couponCode);
        var amount = coupon == null ? price : coupon.apply(price);
        if (amount.minor() < 1) {
            throw Rejection.conflictOn("coupon", "entry.coupon.exceedsPrice");
        }
        var storedCode = renewal ? null : cleanCode;
        Long couponId = coupon == null ? null : coupon.id();
        var earlier = store.pending(community.id(), standing.accountId(), kind, amount, storedCode, couponId);
        long id = earlier.map(EntryPaymentStore.Row::id).orElseGet(() -> store.insert(community.id(), standing.accountId(),
                kind, amount, amount.share(platformFeeBasisPoints), current.termDays(), storedCode, couponId, now()));
        var description = (renewal ? "续费 " : "入群 ") + community.name();
        var checkout = payments.start(new PaymentRequest("entry:" + id, amount, channel, standing.accountId(),
                description.length() > 100 ? description.substring(0, 100) : description,
                "entry-" + id + "-" + channel.name(), "/c/" + community.slug() + "/entry"));
        store.attachPayment(id, checkout.paymentId());
        return new Started(id, amount, renewal, checkout);
    }

    private Coupon coupon(long communityId, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        var clean = code.strip();
        var coupon = clean.length() > 32 ? null : coupons.byCode(communityId, clean).orElse(null);
        if (coupon == null) {
            throw Rejection.invalid("coupon", "entry.coupon.unknown");
        }
        if (!coupon.usable(now())) {
            throw Rejection.conflictOn("coupon", coupon.uses() >= coupon.maxUses() ? "entry.coupon.usedUp" : "entry.coupon.expired");
        }
        return coupon;
    }

    /** The owner issues a coupon for this community's entry fee. */
    @Transactional
    public Coupon issue(Viewer viewer, String slug, CouponTerms wanted) {
        var community = gate.of(viewer, slug).requireOwner().requireWritable().community();
        validation.check(wanted);
        if ((wanted.amountOffMinor() == null) == (wanted.percentOff() == null)) {
            throw Rejection.invalid("percentOff", "entry.coupon.oneKind");
        }
        if (coupons.byCode(community.id(), wanted.code().strip()).isPresent()) {
            throw Rejection.conflictOn("code", "entry.coupon.taken");
        }
        var now = now();
        var expires = wanted.expiresInHours() == null ? null : now.plusHours(wanted.expiresInHours());
        long id = coupons.insert(community.id(), wanted, expires, viewer.accountId(), now);
        return coupons.byId(id).orElseThrow();
    }

    /** The community's coupons, for its owner. */
    public List<Coupon> coupons(Viewer viewer, String slug) {
        var community = gate.of(viewer, slug).requireOwner().community();
        return coupons.list(community.id());
    }

    /**
     * Starts the free trial: a member until the trial's last day, once per person and community, by the same ways in
     * (an approved application, an invitation code) as paying. After it, entry costs the fee.
     */
    @Transactional
    public OffsetDateTime trial(Viewer viewer, String slug, String code) {
        var standing = gate.of(viewer, slug).requireSignedIn();
        if (standing.banned()) {
            throw Rejection.forbidden("membership.banned");
        }
        standing.requireWritable();
        var community = standing.community();
        var current = terms.find(community.id()).orElseThrow(() -> Rejection.conflict("entry.notCharging"));
        if (current.trialDays() == null) {
            throw Rejection.conflict("entry.trial.none");
        }
        var route = memberships.mayPay(community, standing.accountId(), code);
        if (route == PaidMembership.Route.RENEWAL || !store.startTrial(community.id(), standing.accountId(), now())) {
            throw Rejection.conflict("entry.trial.used");
        }
        var until = now().plusDays(current.trialDays());
        var refused = memberships.admit(community.id(), standing.accountId(), code, until);
        if (refused.isPresent()) {
            throw Rejection.conflict(refused.get());
        }
        return until;
    }

    /**
     * Refunds the viewer's latest entry payment in full, within its window, and ends the membership with it. Only the
     * payer's own payment: there is nothing here to name anyone else's.
     */
    @Transactional
    public Refundable refund(Viewer viewer, String slug) {
        var standing = gate.of(viewer, slug).requireSignedIn();
        if (standing.banned()) {
            throw Rejection.forbidden("membership.banned");
        }
        standing.requireWritable();
        var community = standing.community();
        var paid = store.latestPaid(community.id(), standing.accountId())
                .orElseThrow(() -> Rejection.conflict("entry.refund.nothing"));
        var now = now();
        if (paid.refundUntil() == null || !paid.refundUntil().isAfter(now) || !store.markRefunded(paid.id(), now)) {
            throw Rejection.conflict("entry.refund.windowClosed");
        }
        var refund = payments.refund(paid.paymentId(), paid.amount(), "entry-refund-" + paid.id());
        memberships.end(community.id(), standing.accountId());
        books.refunded(paid.id());
        events.publishEvent(new EntryRefunded(paid.id(), "refund:" + refund.refundId(), paid.amount(), paid.platformFee()));
        return new Refundable(paid.id(), paid.amount(), paid.refundUntil());
    }

    /**
     * The community's entry income (joins and renewals, in total and since {@code monthStart}), for its owner and
     * admins.
     */
    @Transactional(readOnly = true)
    public EntryIncome income(Viewer viewer, String slug, OffsetDateTime monthStart) {
        long id = gate.of(viewer, slug).requireRunner("entry.income.runnersOnly").communityId();
        var ever = OffsetDateTime.parse("1970-01-01T00:00:00Z");
        return new EntryIncome(store.tally(id, EntryPaymentStore.Kind.JOIN, ever),
                store.tally(id, EntryPaymentStore.Kind.RENEWAL, ever),
                store.tally(id, EntryPaymentStore.Kind.JOIN, monthStart),
                store.tally(id, EntryPaymentStore.Kind.RENEWAL, monthStart));
    }

    static Duration days(int n) {
        return Duration.ofDays(n);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** For the gate's question: is this standing's community one that charges? */
    boolean charges(Standing standing) {
        return terms.exists(standing.communityId());
    }
}
