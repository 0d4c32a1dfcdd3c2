package org.shequn.commerce;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shequn.commerce.view.DisputeCase;
import org.shequn.commerce.view.DisputeQueue;
import org.shequn.commerce.view.DisputeView;
import org.shequn.identity.Accounts;
import org.shequn.commerce.view.OrderView;
import org.shequn.shared.Cursor;
import org.shequn.shared.Page;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.money.Money;
import org.shequn.shared.text.ControlCharacters;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disputes (争议) about an order. The buyer may open one when the merchant refused their refund request, or within
 * {@code shequn.commerce.dispute-window} of the order being delivered or completed; one per order, with a reason.
 * The merchant answers once. An operator decides: a refund of all or part of what is left of the order, which is
 * refunded at the payment's channel (outside the database transaction, see {@link #decide}), recorded as an approved
 * refund of the order and taken back from each party in the ledger (as a merchant's approved refund is; after
 * settlement it is recovered from the next one), or a rejection. A refund of all that was left ends the order
 * REFUNDED. Each side is told ({@link DisputeChanged}).
 */
@Service
public class Disputes {

    static final int MAX_TEXT = 1000;
    static final int MAX_NOTE = 500;
    /** The most disputes one page of a list (or one API call) reads, and what the undecided list reads unless told. */
    static final int MAX_PAGE = 200;
    /** What the page's list of decided disputes reads unless told: the latest, for reference. */
    static final int DECIDED_PAGE = 50;

    private final DisputeStore store;
    private final Orders orders;
    private final OrderStore orderStore;
    private final RefundStore refunds;
    private final OrderBooks books;
    private final Shops shops;
    private final CommerceSettings settings;
    private final ApplicationEventPublisher events;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final RefundAtChannel refundAtChannel;
    private final Clock clock;

    Disputes(DisputeStore store, Orders orders, OrderStore orderStore, RefundStore refunds, OrderBooks books,
             Shops shops, CommerceSettings settings, ApplicationEventPublisher events,
             Accounts accounts, TransactionTemplate transactions, RefundAtChannel refundAtChannel, Clock clock) {
        this.refundAtChannel = refundAtChannel;
        this.accounts = accounts;
        this.transactions = transactions;
        this.store = store;
        this.orders = orders;
        this.orderStore = orderStore;
        this.refunds = refunds;
        this.books = books;
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

    /** The order's dispute if it has one, for those who may see the order (its page). */
    @Transactional(readOnly = true)
    public Optional<DisputeView> find(Viewer viewer, long orderId) {
        orders.find(viewer, orderId);
        return store.byOrder(orderId);
    }

    /** Whether the viewer, its buyer, may open a dispute about the order now (the order page offers the form). */
    @Transactional(readOnly = true)
    public boolean openable(Viewer viewer, long orderId) {
        var order = orders.find(viewer, orderId);
        return order.buyerAccountId() == Viewer.require(viewer).accountId() && store.byOrder(orderId).isEmpty()
                && mayOpen(order);
    }

    /** Where the disputes of the merchant's shop's orders stand, by order id (their orders list marks them). */
    @Transactional(readOnly = true)
    public Map<Long, DisputeState> ofShopOrders(Viewer viewer) {
        return store.statusesByShop(shops.ownShop(viewer).id());
    }

    /** Where the disputes of the buyer's orders stand, by order id. */
    @Transactional(readOnly = true)
    public Map<Long, DisputeState> ofMyOrders(Viewer viewer) {
        return store.statusesByBuyer(Viewer.require(viewer).accountId());
    }

    /**
     * The operators' page: a page of the disputes waiting for a decision (oldest first) from {@code cursors}'
     * {@code undecided}, and a page of the decided ones (latest first) from its {@code decided}, {@code limit} each
     * (null: all that waits up to {@link #MAX_PAGE}, the latest {@link #DECIDED_PAGE} decided); each with its order, buyer, shop and what is left of the order to refund.
     */
    @Transactional(readOnly = true)
    public DisputeQueue queue(Viewer viewer, DisputeQueue.Cursors cursors) {
        requireOperator(viewer);
        int undecidedLimit = limit(cursors.limit(), MAX_PAGE);
        int decidedLimit = limit(cursors.limit(), DECIDED_PAGE);
        var undecided = Page.cut(store.undecided(Cursor.decode(cursors.undecided()), undecidedLimit + 1), undecidedLimit,
                d -> Cursor.at(d.openedAt(), d.id()));
        var decided = Page.cut(store.decided(Cursor.decode(cursors.decided()), decidedLimit + 1), decidedLimit,
                d -> Cursor.at(d.decidedAt(), d.id()));
        var all = new java.util.ArrayList<>(undecided.items());
        all.addAll(decided.items());
        var cases = cases(all);
        return new DisputeQueue(asCases(undecided, cases), store.undecidedCount(), asCases(decided, cases), cursors);
    }

    private static Page<DisputeCase> asCases(Page<DisputeView> page, Map<Long, DisputeCase> cases) {
        return new Page<>(page.items().stream().map(d -> cases.get(d.id())).filter(Objects::nonNull).toList(), page.next());
    }

    /** The disputes as cases by dispute id: their orders, buyers, shops and refunds in a statement each, not one per dispute. */
    private Map<Long, DisputeCase> cases(List<DisputeView> disputes) {
        var ordersById = new java.util.HashMap<Long, OrderView>();
        orderStore.byIds(disputes.stream().map(DisputeView::orderId).distinct().toList()).forEach(o -> ordersById.put(o.id(), o));
        var buyers = accounts.findAll(ordersById.values().stream().map(OrderView::buyerAccountId).distinct().toList());
        var shopNames = shops.names(ordersById.values().stream().map(OrderView::shopId).distinct().toList());
        var refunded = refunds.approvedTotals(ordersById.values());
        var cases = new java.util.HashMap<Long, DisputeCase>();
        disputes.stream().filter(d -> ordersById.containsKey(d.orderId())).forEach(d -> {
            var order = ordersById.get(d.orderId());
            var buyer = buyers.get(order.buyerAccountId());
            var shop = shopNames.getOrDefault(order.shopId(), "#" + order.shopId());
            cases.put(d.id(), new DisputeCase(d, order, buyer == null ? "#" + order.buyerAccountId() : buyer.displayName(),
                    shop, order.total().minus(refunded.get(order.id()))));
        });
        return cases;
    }

    /** A page's size: {@code requested}, 1 to {@link #MAX_PAGE} (null when not given: {@code fallback}), or a 400. */
    private static int limit(Integer requested, int fallback) {
        if (requested == null) {
            return fallback;
        }
        if (requested < 1 || requested > MAX_PAGE) {
            throw Rejection.invalid("limit", "commerce.disputes.limit", MAX_PAGE);
        }
        return requested;
    }

    /** What is left of the dispute's order to refund: what "refund all" returns. For operators. */
    @Transactional(readOnly = true)
    public Money leftToRefund(Viewer viewer, long disputeId) {
        var dispute = byId(viewer, disputeId);
        var order = orderStore.byId(dispute.orderId()).orElseThrow();
        return left(order);
    }

    /**
     * An amount an operator typed for the dispute's refund, read in its order's currency (so "12.30" is 12.30 of
     * what the buyer paid in), or a refusal on {@code amount}. For operators.
     */
    @Transactional(readOnly = true)
    public Money amount(Viewer viewer, long disputeId, String typed) {
        var dispute = byId(viewer, disputeId);
        var order = orderStore.byId(dispute.orderId()).orElseThrow();
        return Money.parse(typed, order.total().currency(), "amount");
    }

    private Money left(OrderView order) {
        return order.total().minus(refunds.approved(order.id(), order.total().currency()).total());
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

    /** The disputes waiting for a decision, oldest first, {@code limit} (null: {@link #MAX_PAGE}) after {@code cursor}. */
    @Transactional(readOnly = true)
    public Page<DisputeView> undecided(Viewer viewer, String cursor, Integer limit) {
        requireOperator(viewer);
        int size = limit(limit, MAX_PAGE);
        return Page.cut(store.undecided(Cursor.decode(cursor), size + 1), size, d -> Cursor.at(d.openedAt(), d.id()));
    }

    /** Refuses anyone but an operator: what each operator's request asks first, so others learn nothing of it. */
    public void operatorOnly(Viewer viewer) {
        requireOperator(viewer);
    }

    /** The dispute, for an operator. */
    @Transactional(readOnly = true)
    public DisputeView byId(Viewer viewer, long disputeId) {
        requireOperator(viewer);
        return store.byId(disputeId).orElseThrow(() -> Rejection.notFound("commerce.dispute.notFound"));
    }

    /**
     * An operator decides: {@code refund} null rejects the dispute; otherwise that much (at most what is left of the
     * order) goes back to the buyer, and each party gives back its share of it in the ledger. A whole refund of what
     * was left ends the order REFUNDED, as a merchant's approved refund of every line does; a part leaves its status.
     * <p>
     * The channel is not asked inside a database transaction ({@link RefundAtChannel}): the decision is
     * claimed first (the dispute REFUNDED, so no second decision or late answer can come between), then the payment is
     * refunded under the dispute's idempotency key, then the refund is recorded (order, ledger, events) once. A channel
     * that refuses takes the claim back, leaving the dispute undecided. A decision interrupted after the channel is
     * finished by {@link #finishInterrupted}: the same key returns the same refund, so the money goes back once.
     */
    public DisputeView decide(Viewer viewer, long disputeId, Money refund, String note) {
        var operator = requireOperator(viewer);
        var text = note == null || note.isBlank() ? null : text(note, "note", MAX_NOTE);
        if (refund == null) {
            return transactions.execute(status -> reject(operator, disputeId, text));
        }
        long orderId = store.byId(disputeId).orElseThrow(() -> Rejection.notFound("commerce.dispute.notFound")).orderId();
        refundAtChannel.decide(orderId, () -> claim(operator, disputeId, refund, text));
        return store.byId(disputeId).orElseThrow();
    }

    private DisputeView reject(Viewer operator, long disputeId, String text) {
        var dispute = store.byId(disputeId).orElseThrow(() -> Rejection.notFound("commerce.dispute.notFound"));
        var order = orderStore.byId(dispute.orderId()).orElseThrow();
        dispute.status().to(DisputeState.REJECTED);
        if (!store.decide(disputeId, dispute.status(), DisputeState.REJECTED, null, text, operator.accountId(),
                OffsetDateTime.now(clock))) {
            throw Rejection.conflict("commerce.dispute.changed");
        }
        told(order, disputeId, DisputeState.REJECTED);
        return store.byId(disputeId).orElseThrow();
    }

    private RefundAtChannel.Claimed claim(Viewer operator, long disputeId, Money refund, String text) {
        var dispute = store.byId(disputeId).orElseThrow(() -> Rejection.notFound("commerce.dispute.notFound"));
        var order = orderStore.byId(dispute.orderId()).orElseThrow();
        var from = dispute.status();
        from.to(DisputeState.REFUNDED);
        if (refund.currency() != order.total().currency()) {
            throw Rejection.invalid("amount", "payment.currency.mismatch");
        }
        var left = left(order);
        if (refund.minor() <= 0 || refund.minor() > left.minor()) {
            throw Rejection.invalid("amount", "commerce.dispute.amount", left.display());
        }
        if (!store.decide(disputeId, from, DisputeState.REFUNDED, refund.minor(), text,
                operator.accountId(), OffsetDateTime.now(clock))) {
            throw Rejection.conflict("commerce.dispute.changed");
        }
        return claimed(disputeId, order.paymentId(), refund, from);
    }

    /** The claimed refund; refused by the channel, the dispute goes back to {@code back}, undecided. */
    private RefundAtChannel.Claimed claimed(long disputeId, long paymentId, Money refund, DisputeState back) {
        return new RefundAtChannel.Claimed(paymentId, refund, "order-dispute-" + disputeId,
                () -> store.unclaim(disputeId, back), () -> record(disputeId));
    }

    /** Records the claimed and refunded decision as the order's refund, in the ledger and to both sides; once. */
    private void record(long disputeId) {
        var dispute = store.byId(disputeId).orElseThrow();
        if (dispute.status() != DisputeState.REFUNDED || store.isRecorded(disputeId)) {
            return;
        }
        var order = orderStore.byId(dispute.orderId()).orElseThrow();
        var now = OffsetDateTime.now(clock);
        var left = order.split().minus(refunds.approved(order.id(), order.total().currency()));
        if (dispute.refund().minor() > left.total().minor()) {
            // the payment module refuses more than is left, so this cannot be reached without a bug: never record it
            throw new IllegalStateException("Dispute " + disputeId + " refunded more than order " + order.id() + " had left");
        }
        boolean whole = dispute.refund().equals(left.total());
        var part = share(left, dispute.refund());
        long refundId = store.recordRefund(order.id(), part, now);
        if (!store.recorded(disputeId, refundId)) {
            throw Rejection.conflict("commerce.dispute.changed");
        }
        if (whole) {
            // all that was left went back: the order ends, its lines refunded and their stock back, as a merchant's
            // approved refund of the last lines ends it
            var open = refunds.lines(order.id()).stream().filter(l -> !l.refunded()).map(RefundStore.RefundableLine::skuId).toList();
            if (!open.isEmpty()) {
                refunds.markRefunded(order.id(), open);
            }
            orders.move(order, OrderState.REFUNDED, Map.of("closed_at", now));
            // nothing is left for a request the merchant had not decided: closed, so it is not offered to approve
            refunds.supersede(order.id(), now);
            order.lines().stream().filter(l -> open.contains(l.skuId()))
                    .forEach(line -> orderStore.giveBack(line.skuId(), line.quantity()));
        }
        books.refunded(order, refundId, part);
        events.publishEvent(new OrderRefunded(order.id(), "order-dispute-" + disputeId, part));
        told(order, disputeId, DisputeState.REFUNDED);
    }

    /**
     * Finishes refund decisions interrupted between the channel and the record (a crash, a lost connection) that are
     * older than {@code olderThan}, so none is still in flight: the channel is asked again under the same key (which
     * returns the refund it made, or makes it now) and the refund recorded; a channel that refuses takes the claim
     * back. Returns how many were finished.
     */
    int finishInterrupted(java.time.Duration olderThan) {
        return refundAtChannel.finish("Dispute", store.unrecorded(OffsetDateTime.now(clock).minus(olderThan), 100), id -> {
            var dispute = store.byId(id).orElseThrow();
            var order = orderStore.byId(dispute.orderId()).orElseThrow();
            var before = dispute.answer() == null ? DisputeState.OPEN : DisputeState.ANSWERED;
            return claimed(id, order.paymentId(), dispute.refund(), before);
        });
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
