package org.shequn.commerce;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shequn.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a shop sold, counted in SQL, for the insight module: sales per community per day, the latest orders with what
 * each buyer agreed to share, and how many distinct buyers share each identity tag. A sale is an order that was paid
 * and is neither cancelled nor refunded. Callers check who may see a shop; these methods only count. Tags are only
 * ever read from orders whose buyer chose to share them ({@code shares_tags}).
 */
@Service
public class SalesFacts {

    /** The identity-tag kinds a buyer may share, as named in the API. */
    public static final List<String> KINDS = List.of("position", "industry", "city", "education", "verified");

    public record DailySales(long communityId, LocalDate day, long orders, long units, Money amount) {
    }

    /** One paid order; the tags are null unless the buyer shared them on this order. */
    public record BuyerOrder(long orderId, long buyerAccountId, OffsetDateTime paidAt, boolean shares, String position,
                             String industry, String city, String education, Boolean verified) {
    }

    /** {@code value}: the tag compared without case; {@code label}: one way a buyer wrote it; verified is "yes"/"no". */
    public record TagCount(String kind, String value, String label, long buyers) {
    }

    /** Distinct buyers, those of them who shared their tags, and per tag how many sharing buyers have it. */
    public record BuyerTags(long buyers, long sharing, List<TagCount> counts) {
    }

    public record ProductTags(long productId, String title, String shopName, long sharing, List<TagCount> counts) {
    }

    /** A merchant's shop: its id and name. */
    public record ShopRef(long id, String name) {
    }

    public java.util.Optional<ShopRef> shopOf(long merchantAccountId) {
        return jdbc.sql("select id, name from shops where merchant_account_id = ?").param(merchantAccountId)
                .query((rs, n) -> new ShopRef(rs.getLong(1), rs.getString(2))).optional();
    }

    /** The product's title when it is the shop's (drafts included), else empty. */
    public java.util.Optional<String> productTitle(long shopId, long productId) {
        return jdbc.sql("select title from products where id = ? and shop_id = ?").params(productId, shopId)
                .query(String.class).optional();
    }

    /** The products a community's store carries. */
    public java.util.Set<Long> carried(long communityId) {
        return new java.util.HashSet<>(jdbc.sql("select product_id from store_items where community_id = ?")
                .param(communityId).query(Long.class).list());
    }

    private static final String SOLD = "o.paid_at is not null and o.status not in ('CANCELLED', 'REFUNDED')";

    private final JdbcClient jdbc;

    SalesFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String scope(Long productId) {
        return " o.shop_id = :shop and " + SOLD + (productId == null ? ""
                : " and exists (select 1 from order_lines pl where pl.order_id = o.id and pl.product_id = :product)");
    }

    private static Map<String, Object> params(long shopId, Long productId) {
        var params = new LinkedHashMap<String, Object>();
        params.put("shop", shopId);
        if (productId != null) {
            params.put("product", productId);
        }
        return params;
    }

    /** The shop's (or one product's) sales per community per day, oldest first. */
    public List<DailySales> daily(long shopId, Long productId) {
        return jdbc.sql("select o.community_id, cast(o.paid_at as date) as d, count(distinct o.id),"
                        + " sum(l.quantity), sum(l.unit_price_minor * l.quantity) from orders o join order_lines l on l.order_id = o.id"
                        + " where" + scope(productId) + (productId == null ? "" : " and l.product_id = :product")
                        + " group by o.community_id, cast(o.paid_at as date) order by d, o.community_id")
                .params(params(shopId, productId))
                .query((rs, n) -> new DailySales(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getLong(4),
                        Money.cny(rs.getLong(5)))).list();
    }

    /** The latest paid orders, newest first, at most {@code limit}. */
    public List<BuyerOrder> orders(long shopId, Long productId, int limit) {
        return jdbc.sql("select o.id, o.buyer_account_id, o.paid_at, o.shares_tags, o.shared_position, o.shared_industry,"
                        + " o.shared_city, o.shared_education, o.shared_verified from orders o where" + scope(productId)
                        + " order by o.paid_at desc, o.id desc limit " + Math.max(1, Math.min(limit, 500)))
                .params(params(shopId, productId))
                .query((rs, n) -> {
                    boolean shares = rs.getBoolean(4);
                    return new BuyerOrder(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class), shares,
                            shares ? rs.getString(5) : null, shares ? rs.getString(6) : null, shares ? rs.getString(7) : null,
                            shares ? rs.getString(8) : null, shares ? rs.getObject(9, Boolean.class) : null);
                }).list();
    }

    /** How many distinct buyers share each tag value (every value, however few: the caller folds small groups). */
    public BuyerTags tags(long shopId, Long productId) {
        var totals = jdbc.sql("select count(distinct o.buyer_account_id),"
                        + " count(distinct case when o.shares_tags then o.buyer_account_id end) from orders o where" + scope(productId))
                .params(params(shopId, productId)).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        var counts = new ArrayList<TagCount>();
        for (var kind : KINDS) {
            var expr = expression(kind);
            counts.addAll(jdbc.sql("select " + expr + ", min(" + label(kind) + "), count(distinct o.buyer_account_id) from orders o where"
                            + scope(productId) + " and o.shares_tags and " + column(kind) + " is not null group by " + expr
                            + " order by 3 desc, 1")
                    .params(params(shopId, productId))
                    .query((rs, n) -> new TagCount(kind, rs.getString(1), rs.getString(2), rs.getLong(3))).list());
        }
        return new BuyerTags(totals[0], totals[1], counts);
    }

    /**
     * For every published product with at least {@code atLeast} sharing buyers: the tag values at least that many of
     * them share (smaller groups are left out in SQL, so they never leave this module).
     */
    public List<ProductTags> productTags(int atLeast) {
        var products = new LinkedHashMap<Long, ProductTags>();
        jdbc.sql("select l.product_id, min(p.title), min(s.name), count(distinct o.buyer_account_id) from orders o"
                        + " join order_lines l on l.order_id = o.id join products p on p.id = l.product_id join shops s on s.id = p.shop_id"
                        + " where p.published and o.shares_tags and " + SOLD
                        + " group by l.product_id having count(distinct o.buyer_account_id) >= :k order by l.product_id")
                .param("k", atLeast).query((rs, n) -> products.put(rs.getLong(1),
                        new ProductTags(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), new ArrayList<>()))).list();
        if (products.isEmpty()) {
            return List.of();
        }
        for (var kind : KINDS) {
            var expr = expression(kind);
            jdbc.sql("select l.product_id, " + expr + ", min(" + label(kind) + "), count(distinct o.buyer_account_id) from orders o"
                            + " join order_lines l on l.order_id = o.id where l.product_id in (:ids) and o.shares_tags and " + SOLD
                            + " and " + column(kind) + " is not null group by l.product_id, " + expr
                            + " having count(distinct o.buyer_account_id) >= :k")
                    .param("ids", List.copyOf(products.keySet())).param("k", atLeast)
                    .query((rs, n) -> products.get(rs.getLong(1)).counts()
                            .add(new TagCount(kind, rs.getString(2), rs.getString(3), rs.getLong(4)))).list();
        }
        return List.copyOf(products.values());
    }

    private static String column(String kind) {
        return "o.shared_" + kind;
    }

    private static String expression(String kind) {
        return kind.equals("verified") ? "case when o.shared_verified then 'yes' else 'no' end" : "lower(o.shared_" + kind + ")";
    }

    private static String label(String kind) {
        return kind.equals("verified") ? expression(kind) : column(kind);
    }
}
