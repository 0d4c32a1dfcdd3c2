package org.shequn.commerce;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shequn.commerce.view.OrderView;
import org.shequn.membership.CommunityGate;
import org.shequn.payment.Checkout;
import org.shequn.payment.PaymentChannel;
import org.shequn.payment.PaymentRequest;
import org.shequn.payment.Payments;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.money.Money;
import org.shequn.shared.text.ControlCharacters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An order's life after checkout: paying, being paid, shipping, receipt, completion, cancelling, expiring, refunds.
 * Every change goes through {@link OrderState#to(OrderState)} and one conditional update from the state it started
 * at, so of two changes at once one wins and the other is told. Stock comes back when an order is cancelled (by its
 * buyer, or because it was not paid in time) or refunded.
 */
@Service
public class Orders {

    private static final Logger log = LoggerFactory.getLogger(Orders.class);

    private final OrderStore store;
    private final Shops shops;
    private final CommunityGate gate;
    private final Payments payments;
    private final ApplicationEventPublisher events;
    private final OrderBooks books;
    private final RefundStore refunds;
    private final Clock clock;
    private final org.shequn.community.Communities communities;
    private final RefundAtChannel refundAtChannel;
    private final TransactionTemplate transactions;

    Orders(OrderStore store, Shops shops, CommunityGate gate, Payments payments, ApplicationEventPublisher events,
           OrderBooks books, RefundStore refunds, Clock clock, org.shequn.community.Communities communities,
           RefundAtChannel refundAtChannel, TransactionTemplate transactions) {
        this.refundAtChannel = refundAtChannel;
        this.transactions = transactions;
        this.communities = communities;
        this.books = books;
        this.refunds = refunds;
        this.store = store;
        this.shops = shops;
        this.gate = gate;
        this.payments = payments;
        this.events = events;
        this.clock = clock;
    }

    /** An order for its buyer, its merchant or an operator; 404 for everyone else. */
    public OrderView find(Viewer viewer, long id) {
        var me = Viewer.require(viewer);
        return store.byId(id).filter(o -> o.buyerAccountId() == me.accountId() || me.operator() || merchant(me, o))
                .orElseThrow(() -> Rejection.notFound("commerce.order.notFound"));
    }

    public List<OrderView> mine(Viewer viewer) {
        return store.byBuyer(Viewer.require(viewer).accountId());
    }

    public List<OrderView> shopOrders(Viewer viewer) {
        return store.byShop(shops.ownShop(viewer).id());
    }

    /** The community's sales, for its owner and admins. */
    public List<OrderView> sales(Viewer viewer, String slug) {
        var standing = gate.of(viewer, slug).requireRunner("commerce.sales.runnersOnly");
        // the runners see what sold and what it earned, not where the buyer lives
        return store.byCommunity(standing.communityId()).stream().map(Orders::withoutAddress).toList();
    }

    /**
     * What the community's store sold (orders paid and not refunded) since {@code since} (null: ever), for its owner
     * and admins.
     */
    public SalesFigures salesFigures(Viewer viewer, String slug, OffsetDateTime since) {
        var standing = gate.of(viewer, slug).requireRunner("commerce.sales.runnersOnly");
        return store.communityFigures(standing.communityId(), since);
    }

    /** The viewer's shop's sales grouped by the community whose store sold them (most sold first), for its merchant. */
    public List<CommunitySalesRow> salesByCommunity(Viewer viewer) {
        var rows = store.shopByCommunity(shops.ownShop(viewer).id(), 200);
        if (rows.isEmpty()) {
            return List.of();
        }
        var names = communities.findAll(rows.stream().map(r -> r[0]).toList());
        return rows.stream().map(r -> {
            var c = names.get(r[0]);
            return new CommunitySalesRow(r[0], c == null ? "#" + r[0] : c.name(),
                    c == null ? null : c.slug(), (int) r[1], Money.cny(r[2]), Money.cny(r[3]));
        }).toList();
    }

    private static OrderView withoutAddress(OrderView o) {
        return new OrderView(o.id(), o.status(), o.cancelReason(), o.buyerAccountId(), o.communityId(), o.shopId(),
                o.referrerAccountId(), o.lines(), o.split(), null, o.carrier(), null, o.paymentId(), o.createdAt(),
                o.expiresAt(), o.paidAt(), o.shippedAt(), o.completedAt(), o.sharesTags());
    }

    /** Starts paying an unpaid order through a channel (the same key again returns the same payment). */
    public Checkout pay(Viewer viewer, long orderId, PaymentChannel.Kind channel, String idempotencyKey) {
        var order = buyersOrder(viewer, orderId);
        if (order.status() != OrderState.CREATED) {
            throw Rejection.conflict("commerce.order.state." + order.status().name());
        }
        if (!order.expiresAt().isAfter(OffsetDateTime.now(clock))) {
            throw Rejection.conflict("commerce.order.expired");
        }
        return payments.start(new PaymentRequest("order:" + orderId, order.total(), channel, order.buyerAccountId(),
                "社群订单 #" + orderId, idempotencyKey, "/orders/" + orderId));
    }

    /**
     * The payment for an order succeeded (the payment listener calls this; again for the same payment does nothing).
     * An amount that is not the order's, or an order no longer waiting for payment, refunds the payment in full.
     */
    @Transactional
    public void markPaid(long orderId, Money amount, long paymentId) {
        var order = store.byId(orderId).orElse(null);
        if (order != null && order.paymentId() != null && order.paymentId() == paymentId) {
            return;
        }
        if (order != null && order.status() == OrderState.CREATED && order.total().equals(amount)
                && store.move(orderId, OrderState.CREATED, OrderState.CREATED.to(OrderState.PAID),
                        Map.of("payment_id", paymentId, "paid_at", OffsetDateTime.now(clock))) == 1) {
            books.paid(order);
            events.publishEvent(new OrderPaid(orderId, order.shopId(), order.communityId(), order.referrerAccountId(),
                    order.split(), paymentId));
            return;
        }
        log.warn("Payment {} for order {} cannot pay it ({}); returning it in full", paymentId, orderId,
                order == null ? "no such order" : order.status() + ", " + order.total().display() + " owed, " + amount.display() + " paid");
        // the money reached us: it is in the ledger (待退款) until it has gone back, once however often we are told
        payments.returnOnArrival(paymentId, "order.notPayable");
    }

    @Transactional
    public OrderView cancel(Viewer viewer, long orderId) {
        var order = buyersOrder(viewer, orderId);
        close(order, "BUYER");
        return store.byId(orderId).orElseThrow();
    }

    /** The merchant ships a paid order with the carrier and its tracking number. */
    @Transactional
    public OrderView ship(Viewer viewer, long orderId, String carrier, String trackingNo) {
        var order = merchantsOrder(viewer, orderId);
        var c = oneLine(carrier, "carrier", 40);
        var t = oneLine(trackingNo, "trackingNo", 60);
        move(order, OrderState.SHIPPED, Map.of("carrier", c, "tracking_no", t, "shipped_at", OffsetDateTime.now(clock)));
        return store.byId(orderId).orElseThrow();
    }

    /** The buyer has the goods: the order is delivered and completed. */
    @Transactional
    public OrderView confirmReceipt(Viewer viewer, long orderId) {
        var order = buyersOrder(viewer, orderId);
        if (order.status() == OrderState.SHIPPED) {
            move(order, OrderState.DELIVERED, Map.of());
            order = store.byId(orderId).orElseThrow();
        }
        complete(order);
        return store.byId(orderId).orElseThrow();
    }

    /** How much the refund waiting for the merchant's decision asks for (for those who may see the order). */
    public Optional<Money> refundAsked(Viewer viewer, long orderId) {
        find(viewer, orderId);
        return refunds.requested(orderId).map(r -> r.split().total());
    }

    /** The buyer asks for their money back, before the order completes; the merchant decides. */
    @Transactional
    public OrderView requestRefund(Viewer viewer, long orderId) {
        return requestRefund(viewer, orderId, List.of());
    }

    /**
     * The buyer asks for their money back for some lines (their SKU ids; none: every line not refunded yet), before
     * the order completes. The part of the split it would return is fixed now; the merchant decides.
     */
    @Transactional
    public OrderView requestRefund(Viewer viewer, long orderId, List<Long> skuIds) {
        var order = buyersOrder(viewer, orderId);
        order.status().to(OrderState.REFUND_REQUESTED);
        var open = refunds.lines(orderId).stream().filter(l -> !l.refunded()).toList();
        boolean named = skuIds != null && !skuIds.isEmpty();
        var chosen = named ? open.stream().filter(l -> skuIds.contains(l.skuId())).toList() : open;
        if (chosen.isEmpty() || named && chosen.size() != new java.util.HashSet<>(skuIds).size()) {
            throw Rejection.invalid("skus", "commerce.refund.lines");
        }
        // the last lines take what is left of the split, so refunds in parts add up exactly to the order
        var split = chosen.size() == open.size()
                ? order.split().minus(refunds.approved(orderId, order.total().currency()))
                : order.split().part(chosen.stream().map(RefundStore.RefundableLine::splitLine).toList());
        move(order, OrderState.REFUND_REQUESTED, Map.of("status_before", order.status().name()));
        refunds.request(orderId, chosen.stream().map(RefundStore.RefundableLine::skuId).toList(), split,
                OffsetDateTime.now(clock));
        return store.byId(orderId).orElseThrow();
    }

    /**
     * The merchant decides a refund request. Refusing puts the order back where it stood. Approving refunds its amount
     * at the order's payment channel, its lines' stock comes back, the ledger takes back each party's part and
     * {@link OrderRefunded} is published; the order is REFUNDED when no line is left, otherwise it goes back to where
     * it stood. The channel is asked outside the database transaction ({@link RefundAtChannel}): the approval is
     * claimed, refunded under the request's idempotency key, then recorded once; a channel that refuses leaves the
     * request undecided, and an approval interrupted after the channel is finished by {@link #finishInterrupted}.
     */
    public OrderView decideRefund(Viewer viewer, long orderId, boolean approve) {
        if (!approve) {
            return transactions.execute(status -> rejectRefund(viewer, orderId));
        }
        refundAtChannel.decide(orderId, () -> claimApproval(viewer, orderId));
        return store.byId(orderId).orElseThrow();
    }

    private OrderView rejectRefund(Viewer viewer, long orderId) {
        var order = merchantsOrder(viewer, orderId);
        var request = requestOf(order);
        var before = store.statusBefore(orderId).orElseThrow(() -> Rejection.conflict("commerce.order.state." + order.status().name()));
        if (!refunds.reject(request.id(), OffsetDateTime.now(clock))) {
            throw Rejection.conflict("commerce.order.changed");
        }
        move(order, before, Map.of());
        return store.byId(orderId).orElseThrow();
    }

    private RefundStore.Request requestOf(OrderView order) {
        return refunds.requested(order.id())
                .orElseThrow(() -> Rejection.conflict("commerce.order.state." + order.status().name()));
    }

    private static String refundKey(long requestId) {
        return "order-refund-" + requestId;
    }

    private RefundAtChannel.Claimed claimApproval(Viewer viewer, long orderId) {
        var order = merchantsOrder(viewer, orderId);
        var request = requestOf(order);
        if (order.status() != OrderState.REFUND_REQUESTED) {
            throw Rejection.conflict("commerce.order.state." + order.status().name());
        }
        if (!refunds.claim(request.id(), OffsetDateTime.now(clock))) {
            throw Rejection.conflict("commerce.order.changed");
        }
        return claimed(order.paymentId(), request);
    }

    private RefundAtChannel.Claimed claimed(long paymentId, RefundStore.Request request) {
        return new RefundAtChannel.Claimed(paymentId, request.split().total(), refundKey(request.id()),
                () -> refunds.unclaim(request.id()), () -> recordApproval(request.id()));
    }

    /** Records the claimed and refunded approval: lines, stock, order, ledger, event; once. */
    private void recordApproval(long requestId) {
        var request = refunds.approving(requestId).orElse(null);
        if (request == null || !refunds.markApproved(requestId)) {
            return;
        }
        var order = store.byId(request.orderId()).orElseThrow();
        var now = OffsetDateTime.now(clock);
        var back = refunds.lines(order.id()).stream().filter(l -> !l.refunded() && request.skuIds().contains(l.skuId()))
                .map(RefundStore.RefundableLine::skuId).toList();
        refunds.markRefunded(order.id(), request.skuIds());
        boolean whole = refunds.lines(order.id()).stream().allMatch(RefundStore.RefundableLine::refunded);
        var before = store.statusBefore(order.id()).orElseThrow(() -> new IllegalStateException(
                "Order " + order.id() + " left REFUND_REQUESTED while its refund " + requestId + " was claimed"));
        move(order, whole ? OrderState.REFUNDED : before, whole ? Map.of("closed_at", now) : Map.of());
        order.lines().stream().filter(l -> back.contains(l.skuId()))
                .forEach(line -> store.giveBack(line.skuId(), line.quantity()));
        books.refunded(order, request.id(), request.split());
        events.publishEvent(new OrderRefunded(order.id(), refundKey(request.id()), request.split()));
    }

    /**
     * Finishes merchants' approvals interrupted between the channel and the record (a crash, a lost connection) that
     * were claimed longer than {@code olderThan} ago, so none is still in flight: the channel is asked again under the
     * same key (the refund it made, or made now) and the approval recorded; a channel that refuses leaves the request
     * undecided. Returns how many were finished.
     */
    int finishInterrupted(java.time.Duration olderThan) {
        return refundAtChannel.finish("Refund request", refunds.interrupted(OffsetDateTime.now(clock).minus(olderThan), 100),
                id -> {
                    var request = refunds.approving(id).orElseThrow();
                    return claimed(store.byId(request.orderId()).orElseThrow().paymentId(), request);
                });
    }

    /** A virtual order needs no shipping: the merchant marks it delivered (and it completes like a shipped one). */
    void complete(OrderView order) {
        var now = OffsetDateTime.now(clock);
        move(order, OrderState.COMPLETED, Map.of("completed_at", now));
        books.completed(order, now.toInstant());
        events.publishEvent(new OrderCompleted(order.id(), now.toInstant()));
    }

    /** Cancels an unpaid order and gives its stock back; {@code reason} BUYER or EXPIRED. */
    void close(OrderView order, String reason) {
        move(order, OrderState.CANCELLED, Map.of("cancel_reason", reason, "closed_at", OffsetDateTime.now(clock)));
        giveBack(order);
    }

    void giveBack(OrderView order) {
        order.lines().forEach(line -> store.giveBack(line.skuId(), line.quantity()));
    }

    void move(OrderView order, OrderState target, Map<String, Object> columns) {
        order.status().to(target);
        if (store.move(order.id(), order.status(), target, new LinkedHashMap<>(columns)) == 0) {
            throw Rejection.conflict("commerce.order.changed");
        }
    }

    OrderView buyersOrder(Viewer viewer, long orderId) {
        long me = Viewer.require(viewer).accountId();
        return store.byId(orderId).filter(o -> o.buyerAccountId() == me)
                .orElseThrow(() -> Rejection.notFound("commerce.order.notFound"));
    }

    OrderView merchantsOrder(Viewer viewer, long orderId) {
        var me = Viewer.require(viewer);
        return store.byId(orderId).filter(o -> merchant(me, o))
                .orElseThrow(() -> Rejection.notFound("commerce.order.notFound"));
    }

    private boolean merchant(Viewer me, OrderView order) {
        return shops.byId(order.shopId()).map(s -> s.merchantAccountId() == me.accountId()).orElse(false);
    }

    private static String oneLine(String text, String field, int max) {
        var t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > max || ControlCharacters.in(t)) {
            throw Rejection.invalid(field, "commerce.field.oneLine", max);
        }
        return t;
    }
}
