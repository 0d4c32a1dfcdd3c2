package org.shequn.entry.web;

import java.time.OffsetDateTime;
import java.util.List;
import org.shequn.entry.Coupon;
import org.shequn.entry.CouponTerms;
import org.shequn.entry.EntryTerms;
import org.shequn.entry.PaidEntry;
import org.shequn.payment.PaymentChannel;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Paid entry over the API. {@code GET …/entry}: the terms (anyone) and the caller's own term; {@code PUT} and
 * {@code DELETE}: the owner sets or stops the fee; {@code POST …/entry/checkout}: join or renew, answered with the
 * payment to pay (for the test mode a page on this site); {@code POST …/entry/refund}: the caller's own latest payment,
 * within its window. 400 invalid input, 401, 403 (not the owner, banned, approval or verification missing), 404 unknown
 * community, 409 (archived, not charging, already a member, window closed, full).
 */
@RestController
class EntryApi {

    private static final String BASE = "/api/v1/communities/{slug}/entry";

    record TermsJson(boolean paid, Long feeMinor, String currency, Integer termDays, Long renewalMinor,
                     Integer refundHours, Integer trialDays, Mine mine) {
    }

    record Mine(boolean member, boolean expired, OffsetDateTime expiresAt, boolean mayRenew, Long refundableId,
                OffsetDateTime refundUntil) {
    }

    record CheckoutBody(String channel, String code, String coupon) {
    }

    record TrialBody(String code) {
    }

    record TrialStarted(OffsetDateTime expiresAt) {
    }

    record Started(long entryPaymentId, long paymentId, long amountMinor, String currency, boolean renewal,
                   String channel, String display, String value, boolean testMode) {
    }

    record Refunded(long entryPaymentId, long amountMinor, String currency) {
    }

    private final PaidEntry entry;

    EntryApi(PaidEntry entry) {
        this.entry = entry;
    }

    @GetMapping(BASE)
    TermsJson show(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        var shown = entry.show(viewer, slug);
        var mine = viewer == null ? null : new Mine(shown.member(), shown.expired(), shown.expiresAt(), shown.mayRenew(),
                shown.refundable().map(PaidEntry.Refundable::entryPaymentId).orElse(null),
                shown.refundable().map(PaidEntry.Refundable::until).orElse(null));
        return shown.terms().map(t -> json(t, mine)).orElseGet(() -> new TermsJson(false, null, null, null, null, null, null, mine));
    }

    @PutMapping(BASE)
    TermsJson set(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                  @RequestBody(required = false) EntryTerms body) {
        var saved = entry.set(viewer, slug, body == null ? new EntryTerms(null, null, null, null, null) : body);
        return json(saved, null);
    }

    @DeleteMapping(BASE)
    ResponseEntity<Void> stop(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        entry.stop(viewer, slug);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(BASE + "/checkout")
    ResponseEntity<Started> checkout(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                     @RequestBody(required = false) CheckoutBody body) {
        var started = entry.checkout(viewer, slug, channel(body == null ? null : body.channel()),
                body == null ? null : body.code(), body == null ? null : body.coupon());
        var c = started.checkout();
        return ResponseEntity.status(201).body(new Started(started.entryPaymentId(), c.paymentId(), started.amount().minor(),
                started.amount().currency().name(), started.renewal(), c.channel().name(), c.display().name(), c.value(),
                c.testMode()));
    }

    @PostMapping(BASE + "/trial")
    ResponseEntity<TrialStarted> trial(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                       @RequestBody(required = false) TrialBody body) {
        return ResponseEntity.status(201).body(new TrialStarted(entry.trial(viewer, slug, body == null ? null : body.code())));
    }

    @PostMapping(BASE + "/coupons")
    ResponseEntity<Coupon> issue(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                 @RequestBody(required = false) CouponTerms body) {
        return ResponseEntity.status(201).body(entry.issue(viewer, slug,
                body == null ? new CouponTerms(null, null, null, null, null) : body));
    }

    @GetMapping(BASE + "/coupons")
    List<Coupon> coupons(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return entry.coupons(viewer, slug);
    }

    @PostMapping(BASE + "/refund")
    Refunded refund(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        var refunded = entry.refund(viewer, slug);
        return new Refunded(refunded.entryPaymentId(), refunded.amount().minor(), refunded.amount().currency().name());
    }

    /** The channel's name; anything else (or nothing: the first channel on offer) is refused as a field error. */
    static PaymentChannel.Kind channel(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return PaymentChannel.Kind.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("channel", "payment.channel.off");
        }
    }

    private static TermsJson json(EntryTerms t, Mine mine) {
        return new TermsJson(true, t.feeMinor(), "CNY", t.termDays(), t.renewalMinor(), t.refundHours(), t.trialDays(), mine);
    }
}
