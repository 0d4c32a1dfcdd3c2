package org.shequn.commerce;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shequn.commerce.view.DisputeView;
import org.shequn.shared.Cursor;
import org.shequn.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Disputes of orders; each change is a conditional update from the state it starts at. */
@Repository
class DisputeStore {

    private final JdbcClient jdbc;

    DisputeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long open(long orderId, String reason, Money.Currency currency, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into order_disputes (order_id, reason, status, currency, opened_at) values (?, ?, 'OPEN', ?, ?)""")
                .params(orderId, reason, currency.name(), now).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<DisputeView> byOrder(long orderId) {
        return jdbc.sql("select * from order_disputes where order_id = ?").param(orderId).query(DisputeStore::row).optional();
    }

    Optional<DisputeView> byId(long id) {
        return jdbc.sql("select * from order_disputes where id = ?").param(id).query(DisputeStore::row).optional();
    }

    /**
     * The disputes waiting for a decision, oldest first, after {@code after} (null: from the first): the rows are read
     * by keyset, so a dispute opened or decided meanwhile never shifts a later page.
     */
    List<DisputeView> undecided(Cursor after, int limit) {
        var params = new ArrayList<Object>();
        var sql = new StringBuilder("select * from order_disputes where status in ('OPEN', 'ANSWERED')");
        if (after != null) {
            var at = after.time();
            sql.append(" and opened_at >= ? and (opened_at > ? or id > ?)");
            params.addAll(List.of(at, at, after.id()));
        }
        sql.append(" order by opened_at, id limit ").append(Math.max(1, limit));
        return jdbc.sql(sql.toString()).params(params).query(DisputeStore::row).list();
    }

    long undecidedCount() {
        return jdbc.sql("select count(*) from order_disputes where status in ('OPEN', 'ANSWERED')").query(Long.class).single();
    }

    /** The decided disputes, latest first, before {@code before} (null: the latest): what the page shows below the queue. */
    List<DisputeView> decided(Cursor before, int limit) {
        var params = new ArrayList<Object>();
        var sql = new StringBuilder("select * from order_disputes where status in ('REFUNDED', 'REJECTED')");
        if (before != null) {
            var at = before.time();
            sql.append(" and decided_at <= ? and (decided_at < ? or id < ?)");
            params.addAll(List.of(at, at, before.id()));
        }
        sql.append(" order by decided_at desc, id desc limit ").append(Math.max(1, limit));
        return jdbc.sql(sql.toString()).params(params).query(DisputeStore::row).list();
    }

    /** Where the disputes of the shop's orders (or of the buyer's) stand, by order id. */
    java.util.Map<Long, DisputeState> statusesByShop(long shopId) {
        return statuses("o.shop_id", shopId);
    }

    java.util.Map<Long, DisputeState> statusesByBuyer(long buyerAccountId) {
        return statuses("o.buyer_account_id", buyerAccountId);
    }

    private java.util.Map<Long, DisputeState> statuses(String column, long value) {
        var statuses = new java.util.HashMap<Long, DisputeState>();
        jdbc.sql("select d.order_id, d.status from order_disputes d join orders o on o.id = d.order_id where " + column + " = ?")
                .param(value).query((rs, n) -> statuses.put(rs.getLong(1), DisputeState.valueOf(rs.getString(2)))).list();
        return statuses;
    }

    boolean answer(long id, String answer, OffsetDateTime now) {
        return jdbc.sql("update order_disputes set status = 'ANSWERED', answer = ?, answered_at = ? where id = ? and status = 'OPEN'")
                .params(answer, now, id).update() == 1;
    }

    boolean decide(long id, DisputeState from, DisputeState to, Long refundMinor, String note, long operatorId,
                   OffsetDateTime now) {
        return jdbc.sql("""
                update order_disputes set status = ?, refund_minor = ?, decision_note = ?, decided_by = ?, decided_at = ?
                where id = ? and status = ?""")
                .params(to.name(), refundMinor, note, operatorId, now, id, from.name()).update() == 1;
    }

    /**
     * Takes back a refund decision whose channel refused, to where the dispute stood: only while nothing was recorded
     * for it (so a refund that went through is never undone here).
     */
    boolean unclaim(long id, DisputeState back) {
        return jdbc.sql("""
                update order_disputes set status = ?, refund_minor = null, decision_note = null, decided_by = null,
                                          decided_at = null
                where id = ? and status = 'REFUNDED' and refund_id is null""")
                .params(back.name(), id).update() == 1;
    }

    /** The decided refund was recorded as the order's refund {@code refundId}: once, false when it was already. */
    boolean recorded(long id, long refundId) {
        return jdbc.sql("update order_disputes set refund_id = ? where id = ? and status = 'REFUNDED' and refund_id is null")
                .params(refundId, id).update() == 1;
    }

    boolean isRecorded(long id) {
        return jdbc.sql("select refund_id from order_disputes where id = ?").param(id).query((rs, n) -> rs.getObject(1) != null)
                .optional().orElse(false);
    }

    /** Refund decisions older than {@code before} that were never recorded: interrupted between channel and record. */
    List<Long> unrecorded(OffsetDateTime before, int limit) {
        return jdbc.sql("select id from order_disputes where status = 'REFUNDED' and refund_id is null and decided_at < ? order by id limit " + limit)
                .param(before).query(Long.class).list();
    }

    /** A refund the operator decided, as an approved refund of the order (so the order's totals and ledger agree). */
    long recordRefund(long orderId, OrderSplit part, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into order_refunds (order_id, sku_ids, currency, amount_minor, commission_minor, referral_minor,
                                           platform_fee_minor, merchant_minor, status, requested_at, decided_at)
                values (?, '||', ?, ?, ?, ?, ?, ?, 'APPROVED', ?, ?)""")
                .params(orderId, part.total().currency().name(), part.total().minor(), part.commission().minor(),
                        part.referral().minor(), part.platformFee().minor(), part.merchantShare().minor(), now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Whether the order's latest refund request was refused by its merchant. */
    boolean refundRefused(long orderId) {
        return jdbc.sql("select status from order_refunds where order_id = ? order by id desc limit 1").param(orderId)
                .query(String.class).optional().map("REJECTED"::equals).orElse(false);
    }

    private static DisputeView row(ResultSet rs, int n) throws SQLException {
        var currency = Money.Currency.valueOf(rs.getString("currency").strip());
        long refund = rs.getLong("refund_minor");
        return new DisputeView(rs.getLong("id"), rs.getLong("order_id"), DisputeState.valueOf(rs.getString("status")),
                rs.getString("reason"), rs.getString("answer"), refund == 0 ? null : new Money(refund, currency),
                rs.getString("decision_note"), rs.getObject("opened_at", OffsetDateTime.class),
                rs.getObject("answered_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class));
    }
}
