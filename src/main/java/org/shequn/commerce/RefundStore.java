package org.shequn.commerce;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shequn.commerce.view.OrderView;
import org.shequn.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refund requests of orders (whole or some lines) and which lines have been refunded. A request is REQUESTED, then
 * REJECTED, or APPROVING while its approval is at the payment channel and APPROVED once recorded (back to REQUESTED
 * when the channel refuses), or SUPERSEDED when a dispute refunded all that was left before the merchant decided.
 * An operator's dispute refund is recorded here APPROVED.
 */
@Repository
class RefundStore {

    /** A line of an order as a refund needs it. */
    record RefundableLine(long skuId, Money amount, int quantity, int commissionBp, boolean refunded) {
        OrderSplit.Line splitLine() {
            return new OrderSplit.Line(amount, commissionBp);
        }
    }

    record Request(long id, long orderId, List<Long> skuIds, OrderSplit split) {
    }

    private final JdbcClient jdbc;

    RefundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RefundableLine> lines(long orderId) {
        return jdbc.sql("""
                select sku_id, unit_price_minor, quantity, commission_bp, refunded from order_lines
                where order_id = ? order by id""").param(orderId)
                .query((rs, n) -> new RefundableLine(rs.getLong(1), Money.cny(rs.getLong(2)).times(rs.getInt(3)),
                        rs.getInt(3), rs.getInt(4), rs.getBoolean(5))).list();
    }

    /** The sum of the refunds approved so far (zero when none). */
    OrderSplit approved(long orderId, Money.Currency currency) {
        var zero = Money.zero(currency);
        return jdbc.sql("""
                select coalesce(sum(amount_minor), 0), coalesce(sum(commission_minor), 0), coalesce(sum(referral_minor), 0),
                       coalesce(sum(platform_fee_minor), 0), coalesce(sum(merchant_minor), 0)
                from order_refunds where order_id = ? and status = 'APPROVED'""").param(orderId)
                .query((rs, n) -> new OrderSplit(new Money(rs.getLong(1), currency), new Money(rs.getLong(2), currency),
                        new Money(rs.getLong(3), currency), new Money(rs.getLong(4), currency), new Money(rs.getLong(5), currency)))
                .optional().orElse(new OrderSplit(zero, zero, zero, zero, zero));
    }

    /**
     * What was refunded (approved) of each of the orders, in its currency, in one statement: what a list of orders
     * needs to show what is left of each. An order with nothing refunded maps to zero.
     */
    Map<Long, Money> approvedTotals(Collection<OrderView> orders) {
        var totals = new HashMap<Long, Money>();
        if (orders.isEmpty()) {
            return totals;
        }
        var sums = new HashMap<Long, Long>();
        jdbc.sql("""
                select order_id, coalesce(sum(amount_minor), 0) from order_refunds
                where order_id in (:orders) and status = 'APPROVED' group by order_id""")
                .param("orders", orders.stream().map(OrderView::id).distinct().toList())
                .query((rs, n) -> sums.put(rs.getLong(1), rs.getLong(2))).list();
        orders.forEach(o -> totals.put(o.id(), new Money(sums.getOrDefault(o.id(), 0L), o.total().currency())));
        return totals;
    }

    long request(long orderId, List<Long> skuIds, OrderSplit split, OffsetDateTime now) {
        var keyHolder = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into order_refunds (order_id, sku_ids, currency, amount_minor, commission_minor, referral_minor,
                                           platform_fee_minor, merchant_minor, status, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?)""")
                .params(orderId, skuIds.stream().map(String::valueOf).collect(Collectors.joining("|", "|", "|")),
                        split.total().currency().name(), split.total().minor(), split.commission().minor(),
                        split.referral().minor(), split.platformFee().minor(), split.merchantShare().minor(), now)
                .update(keyHolder, "id");
        return keyHolder.getKey().longValue();
    }

    Optional<Request> requested(long orderId) {
        return jdbc.sql("select " + REQUEST + " from order_refunds where order_id = ? and status = 'REQUESTED' order by id desc")
                .param(orderId).query(RefundStore::request).list().stream().findFirst();
    }

    /** The request while its approval is claimed and not yet recorded. */
    Optional<Request> approving(long refundId) {
        return jdbc.sql("select " + REQUEST + " from order_refunds where id = ? and status = 'APPROVING'").param(refundId)
                .query(RefundStore::request).optional();
    }

    private static final String REQUEST = """
            id, order_id, sku_ids, currency, amount_minor, commission_minor, referral_minor, platform_fee_minor,
            merchant_minor""";

    private static Request request(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var c = Money.Currency.valueOf(rs.getString(4).strip());
        var skus = Arrays.stream(rs.getString(3).split("\\|")).filter(x -> !x.isEmpty()).map(Long::valueOf).toList();
        return new Request(rs.getLong(1), rs.getLong(2), skus, new OrderSplit(new Money(rs.getLong(5), c),
                new Money(rs.getLong(6), c), new Money(rs.getLong(7), c), new Money(rs.getLong(8), c),
                new Money(rs.getLong(9), c)));
    }

    /** REQUESTED → REJECTED once: false when it was decided (or claimed) already. */
    boolean reject(long refundId, OffsetDateTime now) {
        return jdbc.sql("update order_refunds set status = 'REJECTED', decided_at = ? where id = ? and status = 'REQUESTED'")
                .params(now, refundId).update() == 1;
    }

    /**
     * REQUESTED → APPROVING once (false when it was decided already): the merchant's approval is claimed while its
     * channel refunds; {@link #markApproved} records it, {@link #unclaim} takes it back.
     */
    boolean claim(long refundId, OffsetDateTime now) {
        return jdbc.sql("update order_refunds set status = 'APPROVING', decided_at = ? where id = ? and status = 'REQUESTED'")
                .params(now, refundId).update() == 1;
    }

    /** The channel refused: the claimed approval is a request again, undecided. */
    boolean unclaim(long refundId) {
        return jdbc.sql("update order_refunds set status = 'REQUESTED', decided_at = null where id = ? and status = 'APPROVING'")
                .param(refundId).update() == 1;
    }

    /** APPROVING → APPROVED: the refund is recorded; once, false when it was already. */
    boolean markApproved(long refundId) {
        return jdbc.sql("update order_refunds set status = 'APPROVED' where id = ? and status = 'APPROVING'")
                .param(refundId).update() == 1;
    }

    /** Approvals claimed before {@code before} and never recorded: interrupted between the channel and the record. */
    List<Long> interrupted(OffsetDateTime before, int limit) {
        return jdbc.sql("select id from order_refunds where status = 'APPROVING' and decided_at < ? order by id limit " + limit)
                .param(before).query(Long.class).list();
    }

    /**
     * Whether a refund of the order is claimed and not yet recorded: a merchant's approval, or an operator's dispute
     * refund.
     */
    boolean inFlight(long orderId) {
        return jdbc.sql("""
                select (select count(*) from order_refunds where order_id = :order and status = 'APPROVING')
                     + (select count(*) from order_disputes where order_id = :order and status = 'REFUNDED' and refund_id is null)""")
                .param("order", orderId).query(Long.class).single() > 0;
    }

    /**
     * A request the merchant had not decided when all that was left of the order went back another way (an operator's
     * dispute decision): it is closed, so nobody is offered to approve it.
     */
    void supersede(long orderId, OffsetDateTime now) {
        jdbc.sql("update order_refunds set status = 'SUPERSEDED', decided_at = ? where order_id = ? and status = 'REQUESTED'")
                .params(now, orderId).update();
    }

    void markRefunded(long orderId, List<Long> skuIds) {
        jdbc.sql("update order_lines set refunded = true where order_id = :order and sku_id in (:skus)")
                .param("order", orderId).param("skus", skuIds).update();
    }
}
