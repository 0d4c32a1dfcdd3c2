package org.shequn.commerce;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.shequn.commerce.view.DisputeView;
import org.shequn.commerce.view.OrderView;
import org.shequn.payment.Payments;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.money.Money;
import org.shequn.shared.text.ControlCharacters;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes (争议) about an order. The buyer may open one when the merchant refused their refund request, or within
 * {@code shequn.commerce.dispute-window} of the order being delivered or completed; one per order, with a reason.
 * The merchant answers once. An operator decides: a refund of all or part of what is left of the order, which is
 * refunded at the payment's channel, recorded as an approved refund of the order and taken back from each party in
 * the ledger (as a merchant's approved refund is; after settlement it is recovered from the next one), or a
 * rejection. Each side is told ({@link DisputeChanged}).
 */
@Service
public class Disputes {

    static final int MAX_TEXT = 1000;
    static final int MAX_NOTE = 500;

    private final DisputeStore store;
    private final Orders orders;
    private final OrderStore orderStore;
    private final RefundStore refunds;
    private final OrderBooks books;
    private final Payments payments;
    private final Shops shops;
    private final CommerceSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Disputes(DisputeStore store, Orders orders, OrderStore orderStore, RefundStore refunds, OrderBooks books,
             Payments payments, Shops shops, CommerceSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.orderStore = orderStore;
        this.refunds = refunds;
        this.books = books;
        this.payments = payments;
        this.shops = shops;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** The order's dispute, for its buyer, its merchant and the operators. */
    @Transactional(readOnly = true)
    public DisputeView of(Viewer viewer, long orderId) {
        orders.find(viewer, orderId);
        return store.byOrder(orderId).orElseThrow(() -> Rejection.notFound("commerce.dispute.notFound"));
    }

    /** The buyer opens a dispute about their order. */
    @Transactional
    public DisputeView open(Viewer viewer, long orderId, String reason) {
        var order = orders.buyersOrder(viewer, orderId);
        var text = text(reason, "reason", MAX_TEXT);
        if (!mayOpen(order)) {
            throw Rejection.conflict("commerce.dispute.notOpenable");
        }
        long id;
        try {
            id = store.open(orderId, text, order.total().currency(), OffsetDateTime.now(clock));
        } catch (DuplicateKeyException twice) {
            throw Rejection.conflict("commerce.dispute.exists");
        }
        if (store.byOrder(orderId).map(d -> d.id() != id).orElse(true)) {
            throw Rejection.conflict("commerce.dispute.exists");
        }
        told(order, id, DisputeState.OPEN);
        return store.byId(id).orElseThrow();
    }

    /** A refused refund request, or delivered/completed within the window; and money was paid that is not all back. */
    boolean mayOpen(OrderView order) {
        if (order.paymentId() == null || order.status() == OrderState.REFUNDED || order.status() == OrderState.CANCELLED) {
            return false;
        }
        if (store.refundRefused(order.id())) {
            return true;
        }
        var now = OffsetDateTime.now(clock);
        if (order.status() == OrderState.COMPLETED) {
            return order.completedAt() != null && order.completedAt().plus(settings.disputeWindow()).isAfter(now);
        }
        return order.status() == OrderState.DELIVERED;
    }

    /** The order's merchant answers the dispute, once. */
    @Transactional
    public DisputeView answer(Viewer viewer, long orderId, String answer) {
        var order = orders.merchantsOrder(viewer, orderId);
        var text = text(answer, "answer", MAX_TEXT);
        var dispute = store.byOrder(orderId).orElseThrow(() -> Rejection.notFound("commerce.dispute.notFound"));
        dispute.status().to(DisputeState.ANSWERED);
        if (!store.answer(dispute.id(), text, OffsetDateTime.now(clock))) {
            throw Rejection.conflict("commerce.dispute.changed");
        }
        told(order, dispute.id(), DisputeState.ANSWERED);
        return store.byId(dispute.id()).orElseThrow();
    }

    /** The disputes waiting for a decision, oldest first: the operators' queue. */
    @Transactional(readOnly = true)
    public List<DisputeView> undecided(Viewer viewer) {
        requireOperator(viewer);
        return store.undecided(200);
    }

    /** The dispute, for an operator. */
    @Transactional(readOnly = true)
    public DisputeView byId(Viewer viewer, long disputeId) {
        requireOperator(viewer);
        return store.byId(disputeId).orElseThrow(() -> Rejection.notFound("commerce.dispute.notFound"));
    }

    /**
     * An operator decides: {@code refund} null rejects the dispute; otherwise that much (at most what is left of the
     * order) goes back to the buyer, and each party gives back its share of it in the ledger. One transaction: a
     * channel that refuses leaves the dispute undecided.
     */
    @Transactional
    public DisputeView decide(Viewer viewer, long disputeId, Money refund, String note) {
        var operator = requireOperator(viewer);
        var text = note == null || note.isBlank() ? null : text(note, "note", MAX_NOTE);
        var dispute = store.byId(disputeId).orElseThrow(() -> Rejection.notFound("commerce.dispute.notFound"));
        var order = orderStore.byId(dispute.orderId()).orElseThrow();
        var now = OffsetDateTime.now(clock);
        if (refund == null) {
            dispute.status().to(DisputeState.REJECTED);
            if (!store.decide(disputeId, dispute.status(), DisputeState.REJECTED, null, text, operator.accountId(), now)) {
                throw Rejection.conflict("commerce.dispute.changed");
            }
            told(order, disputeId, DisputeState.REJECTED);
            return store.byId(disputeId).orElseThrow();
        }
        dispute.status().to(DisputeState.REFUNDED);
        var left = order.split().minus(refunds.approved(order.id(), order.total().currency()));
        if (refund.currency() != order.total().currency()) {
            throw Rejection.invalid("amount", "payment.currency.mismatch");
        }
        if (refund.minor() <= 0 || refund.minor() > left.total().minor()) {
            throw Rejection.invalid("amount", "commerce.dispute.amount", left.total().display());
        }
        if (!store.decide(disputeId, dispute.status(), DisputeState.REFUNDED, refund.minor(), text, operator.accountId(), now)) {
            throw Rejection.conflict("commerce.dispute.changed");
        }
        var part = share(left, refund);
        long refundId = store.recordRefund(order.id(), part, now);
        payments.refund(order.paymentId(), refund, "order-dispute-" + disputeId);
        books.refunded(order, refundId, part);
        events.publishEvent(new OrderRefunded(order.id(), "order-dispute-" + disputeId, part));
        told(order, disputeId, DisputeState.REFUNDED);
        return store.byId(disputeId).orElseThrow();
    }

    /**
     * The part of what is left that {@code amount} returns: all of it when it is all, otherwise each party's share in
     * proportion (rounded down), the merchant's taking the rest, so the parts add up exactly to the amount.
     */
    static OrderSplit share(OrderSplit left, Money amount) {
        if (amount.equals(left.total())) {
            return left;
        }
        long total = left.total().minor();
        var c = amount.currency();
        long commission = Math.multiplyExact(left.commission().minor(), amount.minor()) / total;
        long referral = Math.multiplyExact(left.referral().minor(), amount.minor()) / total;
        long fee = Math.multiplyExact(left.platformFee().minor(), amount.minor()) / total;
        long merchant = amount.minor() - commission - referral - fee;
        return new OrderSplit(amount, new Money(commission, c), new Money(referral, c), new Money(fee, c), new Money(merchant, c));
    }

    private void told(OrderView order, long disputeId, DisputeState status) {
        long merchant = shops.byId(order.shopId()).map(s -> s.merchantAccountId()).orElse(0L);
        events.publishEvent(new DisputeChanged(disputeId, order.id(), status, order.buyerAccountId(), merchant));
    }

    private static Viewer requireOperator(Viewer viewer) {
        var me = Viewer.require(viewer);
        if (!me.operator()) {
            throw Rejection.forbidden("commerce.dispute.operatorsOnly");
        }
        return me;
    }

    private static String text(String raw, String field, int max) {
        var t = raw == null ? "" : raw.strip();
        if (t.isEmpty() || t.length() > max || ControlCharacters.in(t)) {
            throw Rejection.invalid(field, "commerce.dispute.text", max);
        }
        return t;
    }
}
