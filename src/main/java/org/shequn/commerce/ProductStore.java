package org.shequn.commerce;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shequn.commerce.view.SkuView;
import org.shequn.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Products and their SKUs. */
@Repository
class ProductStore {

    record ProductRow(long id, long shopId, String shopName, String title, String description, String category,
                      List<String> tags, boolean shipped, int commissionBp, boolean published, String imageKey) {
    }

    record SkuRow(long id, long productId, SkuView view) {
    }

    /** What the mall filters by; null fields do not filter. */
    record MallQuery(List<String> terms, String category, Boolean shipped, int limit) {
    }

    private static final String COLUMNS = """
            p.id, p.shop_id, s.name, p.title, p.description, p.category, p.tags, p.shipped, p.commission_bp, p.published,
            p.image_key from products p join shops s on s.id = p.shop_id""";

    private final JdbcClient jdbc;

    ProductStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long shopId, ProductDraft d, String terms, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into products (shop_id, title, description, category, tags, shipped, commission_bp, published,
                                      search_terms, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(shopId, d.title(), d.description(), d.category(), tags(d.tags()), d.shipped(), d.commissionBp(),
                        Boolean.TRUE.equals(d.published()), terms, now, now).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, ProductDraft d, String terms, OffsetDateTime now) {
        jdbc.sql("""
                update products set title = ?, description = ?, category = ?, tags = ?, shipped = ?, commission_bp = ?,
                                    published = ?, search_terms = ?, updated_at = ? where id = ?""")
                .params(d.title(), d.description(), d.category(), tags(d.tags()), d.shipped(), d.commissionBp(),
                        Boolean.TRUE.equals(d.published()), terms, now, id).update();
    }

    void insertSku(long productId, Map<String, String> attributes, Money price, int stock, int position) {
        jdbc.sql("insert into skus (product_id, attributes, price_minor, currency, stock, position) values (?, ?, ?, ?, ?, ?)")
                .params(productId, attributes(attributes), price.minor(), price.currency().name(), stock, position).update();
    }

    /** 1 when the SKU belongs to the product and is live. */
    int updateSku(long productId, long skuId, Map<String, String> attributes, Money price, int stock, int position) {
        return jdbc.sql("""
                update skus set attributes = ?, price_minor = ?, currency = ?, stock = ?, position = ?
                where id = ? and product_id = ? and retired = false""")
                .params(attributes(attributes), price.minor(), price.currency().name(), stock, position, skuId, productId).update();
    }

    /** SKUs an edit left out stay for the orders that name them, but are no longer sold. */
    void retireOthers(long productId, Collection<Long> kept) {
        if (kept.isEmpty()) {
            jdbc.sql("update skus set retired = true where product_id = ?").param(productId).update();
        } else {
            jdbc.sql("update skus set retired = true where product_id = :p and id not in (:kept)")
                    .param("p", productId).param("kept", kept).update();
        }
    }

    void setImage(long id, String imageKey) {
        jdbc.sql("update products set image_key = ? where id = ?").params(imageKey, id).update();
    }

    Optional<ProductRow> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " where p.id = ?").param(id).query(ProductStore::row).optional();
    }

    List<ProductRow> byShop(long shopId) {
        return jdbc.sql("select " + COLUMNS + " where p.shop_id = ? order by p.id desc").param(shopId)
                .query(ProductStore::row).list();
    }

    List<ProductRow> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " where p.id in (:ids)").param("ids", ids).query(ProductStore::row).list();
    }

    /** Published products matching every term (each stored between spaces), newest first. */
    List<ProductRow> mall(MallQuery q) {
        var sql = new StringBuilder("select " + COLUMNS + " where p.published = true");
        var params = new ArrayList<Object>();
        for (var term : q.terms()) {
            sql.append(" and p.search_terms like ?");
            params.add("% " + term + " %");
        }
        if (q.category() != null) {
            sql.append(" and p.category = ?");
            params.add(q.category());
        }
        if (q.shipped() != null) {
            sql.append(" and p.shipped = ?");
            params.add(q.shipped());
        }
        sql.append(" order by p.id desc limit ?");
        params.add(q.limit());
        return jdbc.sql(sql.toString()).params(params).query(ProductStore::row).list();
    }

    List<String> categories() {
        return jdbc.sql("select distinct category from products where published = true order by category")
                .query(String.class).list();
    }

    /** The live SKUs of these products, in each product's order. */
    List<SkuRow> skus(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, product_id, attributes, price_minor, currency, stock from skus
                where product_id in (:ids) and retired = false order by product_id, position, id""")
                .param("ids", productIds)
                .query((rs, n) -> new SkuRow(rs.getLong(1), rs.getLong(2), new SkuView(rs.getLong(1),
                        attributes(rs.getString(3)), new Money(rs.getLong(4), Money.Currency.valueOf(rs.getString(5))),
                        rs.getInt(6)))).list();
    }

    static String tags(List<String> tags) {
        return tags == null || tags.isEmpty() ? "" : "|" + String.join("|", tags) + "|";
    }

    static String attributes(Map<String, String> attributes) {
        if (attributes == null) {
            return "";
        }
        var parts = new ArrayList<String>();
        attributes.forEach((k, v) -> parts.add(k.strip() + "=" + v.strip()));
        return String.join(";", parts);
    }

    static Map<String, String> attributes(String stored) {
        var map = new LinkedHashMap<String, String>();
        if (stored != null && !stored.isEmpty()) {
            for (var part : stored.split(";")) {
                int eq = part.indexOf('=');
                map.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return map;
    }

    private static ProductRow row(ResultSet rs, int n) throws SQLException {
        var tags = rs.getString(7);
        return new ProductRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), tags.isEmpty() ? List.of() : Arrays.stream(tags.substring(1).split("\\|")).toList(),
                rs.getBoolean(8), rs.getInt(9), rs.getBoolean(10), rs.getString(11));
    }
}
