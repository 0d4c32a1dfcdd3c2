package org.shequn.commerce;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shequn.commerce.view.OrderView;
import org.shequn.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Orders, their lines, and the stock their lines take and give back. */
@Repository
class OrderStore {

    /** A SKU as checkout reads it, with its product's shop, kind, rate and whether it is on sale. */
    record SkuForSale(long id, long productId, long shopId, String title, String attributes, Money price, int stock,
                      boolean shipped, int commissionBp, boolean onSale) {
    }

    record NewOrder(long buyerId, long communityId, long shopId, long referrerId, OrderSplit split, String address,
                    String idempotencyKey, String requestHash, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                    SharedTags shared) {
    }

    /** What the buyer agreed to share with the merchant, as it was at checkout; null when they did not. */
    record SharedTags(String position, String industry, String city, String education, boolean verified) {
    }

    record KeyedOrder(long id, String requestHash) {
    }

    private static final String COLUMNS = """
            id, status, cancel_reason, buyer_account_id, community_id, shop_id, referrer_account_id, currency,
            total_minor, commission_minor, referral_minor, platform_fee_minor, merchant_minor, address, carrier,
            tracking_no, payment_id, created_at, expires_at, paid_at, shipped_at, completed_at, shares_tags""";
    static final int LIST_MAX = 100;

    private final JdbcClient jdbc;

    OrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SkuForSale> skusForSale(Collection<Long> skuIds) {
        return jdbc.sql("""
                select k.id, k.product_id, p.shop_id, p.title, k.attributes, k.price_minor, k.currency, k.stock,
                       p.shipped, p.commission_bp, (p.published and not k.retired)
                from skus k join products p on p.id = k.product_id where k.id in (:ids)""")
                .param("ids", skuIds).query((rs, n) -> sku(rs)).list();
    }

    /** A SKU as checkout sees it in one community: whether the community's store carries its product. */
    record SkuInStore(SkuForSale sku, boolean carried) {
    }

    /** As {@link #skusForSale}, with whether the community's store carries each product, in the same statement. */
    List<SkuInStore> skusInStore(long communityId, Collection<Long> skuIds) {
        return jdbc.sql("""
                select k.id, k.product_id, p.shop_id, p.title, k.attributes, k.price_minor, k.currency, k.stock,
                       p.shipped, p.commission_bp, (p.published and not k.retired),
                       exists (select 1 from store_items s where s.community_id = :community and s.product_id = k.product_id)
                from skus k join products p on p.id = k.product_id where k.id in (:ids)""")
                .param("community", communityId).param("ids", skuIds)
                .query((rs, n) -> new SkuInStore(sku(rs), rs.getBoolean(12))).list();
    }

    private static SkuForSale sku(ResultSet rs) throws SQLException {
        return new SkuForSale(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                new Money(rs.getLong(6), Money.Currency.valueOf(rs.getString(7))), rs.getInt(8), rs.getBoolean(9),
                rs.getInt(10), rs.getBoolean(11));
    }

    /** The one conditional update that takes stock: 0 when too few are left or the price is no longer the one seen. */
    int take(long skuId, int quantity, long priceMinor) {
        return jdbc.sql("update skus set stock = stock - ? where id = ? and stock >= ? and price_minor = ?")
                .params(quantity, skuId, quantity, priceMinor).update();
    }

    void giveBack(long skuId, int quantity) {
        jdbc.sql("update skus set stock = stock + ? where id = ?").params(quantity, skuId).update();
    }

    long insert(NewOrder o) {
        var s = o.split();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into orders (buyer_account_id, community_id, shop_id, referrer_account_id, status, currency,
                    total_minor, commission_minor, referral_minor, platform_fee_minor, merchant_minor, address,
                    idempotency_key, request_hash, created_at, expires_at, shares_tags, shared_position,
                    shared_industry, shared_city, shared_education, shared_verified)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.buyerId(), o.communityId(), o.shopId(), o.referrerId(), OrderState.CREATED.name(),
                        s.total().currency().name(), s.total().minor(), s.commission().minor(), s.referral().minor(),
                        s.platformFee().minor(), s.merchantShare().minor(), o.address(), o.idempotencyKey(),
                        o.requestHash(), o.createdAt(), o.expiresAt(), o.shared() != null,
                        o.shared() == null ? null : o.shared().position(), o.shared() == null ? null : o.shared().industry(),
                        o.shared() == null ? null : o.shared().city(), o.shared() == null ? null : o.shared().education(),
                        o.shared() == null ? null : o.shared().verified())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertLine(long orderId, SkuForSale sku, int quantity) {
        jdbc.sql("""
                insert into order_lines (order_id, sku_id, product_id, title, attributes, unit_price_minor, quantity, commission_bp)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, sku.id(), sku.productId(), sku.title(), sku.attributes(), sku.price().minor(), quantity,
                        sku.commissionBp()).update();
    }

    Optional<KeyedOrder> byKey(long buyerId, String key) {
        return jdbc.sql("select id, request_hash from orders where buyer_account_id = ? and idempotency_key = ?")
                .params(buyerId, key).query((rs, n) -> new KeyedOrder(rs.getLong(1), rs.getString(2))).optional();
    }

    /**
     * Moves an order from one state to another, setting the given columns (names from code, never from input) with
     * it: 1 when it was in {@code from}, 0 when someone else moved it first.
     */
    int move(long id, OrderState from, OrderState to, Map<String, Object> columns) {
        var sql = new StringBuilder("update orders set status = ?");
        var params = new ArrayList<Object>();
        params.add(to.name());
        columns.forEach((column, value) -> {
            sql.append(", ").append(column).append(" = ?");
            params.add(value);
        });
        sql.append(" where id = ? and status = ?");
        params.add(id);
        params.add(from.name());
        return jdbc.sql(sql.toString()).params(params).update();
    }

    /** Locks the order's row until the transaction ends (its refunds are claimed one after the other). */
    void lock(long id) {
        jdbc.sql("select id from orders where id = ? for update").param(id).query(Long.class).optional();
    }

    /** Where a refund-requested order stood before the request (a refused request goes back there). */
    Optional<OrderState> statusBefore(long id) {
        return jdbc.sql("select status_before from orders where id = ? and status = 'REFUND_REQUESTED'").param(id)
                .query(String.class).optional().map(OrderState::valueOf);
    }

    Optional<OrderView> byId(long id) {
        return list("where id = ?", List.of(id)).stream().findFirst();
    }

    /** The orders of these ids that exist, with their lines, in two statements. */
    List<OrderView> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("where id in (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")",
                List.copyOf(ids));
    }

    List<OrderView> byBuyer(long buyerId) {
        return list("where buyer_account_id = ? order by id desc limit " + LIST_MAX, List.of(buyerId));
    }

    List<OrderView> byShop(long shopId) {
        return list("where shop_id = ? order by id desc limit " + LIST_MAX, List.of(shopId));
    }

    List<OrderView> byCommunity(long communityId) {
        return list("where community_id = ? order by id desc limit " + LIST_MAX, List.of(communityId));
    }

    /** Orders a payment paid and no refund took back (paid, shipped, delivered, completed, refund asked). */
    static final String SOLD = "status in ('PAID', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'REFUND_REQUESTED')";

    /** The community's sales: count, total and commission of its sold orders, since {@code since} (null: all). */
    SalesFigures communityFigures(long communityId, OffsetDateTime since) {
        return jdbc.sql("select count(*), coalesce(sum(total_minor), 0), coalesce(sum(commission_minor), 0) from orders"
                        + " where community_id = ? and " + SOLD + " and paid_at >= ?")
                .params(communityId, since == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : since)
                .query((rs, n) -> new SalesFigures(rs.getInt(1), Money.cny(rs.getLong(2)),
                        Money.cny(rs.getLong(3)))).single();
    }

    /** The shop's sold orders grouped by the community they were sold in, most sold first. */
    List<long[]> shopByCommunity(long shopId, int limit) {
        return jdbc.sql("select community_id, count(*), coalesce(sum(total_minor), 0), coalesce(sum(merchant_minor), 0)"
                        + " from orders where shop_id = ? and " + SOLD
                        + " group by community_id order by sum(total_minor) desc, community_id limit ?")
                .params(shopId, limit)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).list();
    }

    /** Unpaid orders whose time ran out. */
    List<Long> expired(OffsetDateTime now, int limit) {
        return jdbc.sql("select id from orders where status = 'CREATED' and expires_at <= ? order by id limit ?")
                .params(now, limit).query(Long.class).list();
    }

    /** Shipped or delivered orders shipped before {@code before}: they complete by themselves. */
    List<Long> shippedBefore(OffsetDateTime before, int limit) {
        return jdbc.sql("select id from orders where status in ('SHIPPED', 'DELIVERED') and shipped_at <= ? order by id limit ?")
                .params(before, limit).query(Long.class).list();
    }

    private List<OrderView> list(String where, List<Object> params) {
        var rows = jdbc.sql("select " + COLUMNS + " from orders " + where).params(params).query(OrderStore::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        var lines = jdbc.sql("""
                select order_id, sku_id, product_id, title, attributes, unit_price_minor, quantity, refunded from order_lines
                where order_id in (:ids) order by id""")
                .param("ids", rows.stream().map(OrderView::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), new OrderView.Line(rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), Money.cny(rs.getLong(6)), rs.getInt(7), rs.getBoolean(8)))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(o -> new OrderView(o.id(), o.status(), o.cancelReason(), o.buyerAccountId(),
                o.communityId(), o.shopId(), o.referrerAccountId(), lines.getOrDefault(o.id(), List.of()), o.split(),
                o.address(), o.carrier(), o.trackingNo(), o.paymentId(), o.createdAt(), o.expiresAt(), o.paidAt(),
                o.shippedAt(), o.completedAt(), o.sharesTags())).toList();
    }

    private static OrderView row(ResultSet rs, int n) throws SQLException {
        var currency = Money.Currency.valueOf(rs.getString(8));
        var split = new OrderSplit(new Money(rs.getLong(9), currency), new Money(rs.getLong(10), currency),
                new Money(rs.getLong(11), currency), new Money(rs.getLong(12), currency), new Money(rs.getLong(13), currency));
        return new OrderView(rs.getLong(1), OrderState.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), List.of(), split, rs.getString(14), rs.getString(15),
                rs.getString(16), rs.getObject(17, Long.class), rs.getObject(18, OffsetDateTime.class),
                rs.getObject(19, OffsetDateTime.class), rs.getObject(20, OffsetDateTime.class),
                rs.getObject(21, OffsetDateTime.class), rs.getObject(22, OffsetDateTime.class), rs.getBoolean(23));
    }

    /** Every order a payment ever paid: its total less what was refunded (what the ledger's clearing must show). */
    java.util.Map<String, Money> paidTotals() {
        var totals = new java.util.HashMap<String, Money>();
        jdbc.sql("""
                select o.id, o.total_minor - coalesce((select sum(r.amount_minor) from order_refunds r
                                                       where r.order_id = o.id and r.status = 'APPROVED'), 0), o.currency
                from orders o where o.payment_id is not null""")
                .query((rs, n) -> totals.put(OrderBooks.reference(rs.getLong(1)),
                        new Money(rs.getLong(2), Money.Currency.valueOf(rs.getString(3))))).list();
        return totals;
    }
}
