package org.shequn.commerce;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shequn.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refund requests of orders (whole or some lines) and which lines have been refunded. */
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
        return jdbc.sql("""
                select id, sku_ids, currency, amount_minor, commission_minor, referral_minor, platform_fee_minor, merchant_minor
                from order_refunds where order_id = ? and status = 'REQUESTED' order by id desc""").param(orderId)
                .query((rs, n) -> {
                    var c = Money.Currency.valueOf(rs.getString(3));
                    var skus = Arrays.stream(rs.getString(2).split("\\|")).filter(x -> !x.isEmpty()).map(Long::valueOf).toList();
                    return new Request(rs.getLong(1), orderId, skus, new OrderSplit(new Money(rs.getLong(4), c),
                            new Money(rs.getLong(5), c), new Money(rs.getLong(6), c), new Money(rs.getLong(7), c),
                            new Money(rs.getLong(8), c)));
                }).list().stream().findFirst();
    }

    /** REQUESTED → APPROVED or REJECTED once: false when it was decided already. */
    boolean decide(long refundId, boolean approve, OffsetDateTime now) {
        return jdbc.sql("update order_refunds set status = ?, decided_at = ? where id = ? and status = 'REQUESTED'")
                .params(approve ? "APPROVED" : "REJECTED", now, refundId).update() == 1;
    }

    void markRefunded(long orderId, List<Long> skuIds) {
        jdbc.sql("update order_lines set refunded = true where order_id = :order and sku_id in (:skus)")
                .param("order", orderId).param("skus", skuIds).update();
    }
}
