package org.shequn.commerce;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.shequn.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cart lines (购物车) and what each line's SKU is now: its price, stock, whether it is still sold in that store. */
@Repository
class CartStore {

    record Line(long communityId, long skuId, int quantity, Money seenPrice, Long referrerId, long productId,
                String title, String attributes, Money price, int stock, long shopId, String shopName, boolean shipped,
                boolean onSale, boolean inStore) {
    }

    private final JdbcClient jdbc;

    CartStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Line> lines(long accountId) {
        return jdbc.sql("""
                select c.community_id, c.sku_id, c.quantity, c.seen_price_minor, c.currency, c.referrer_id,
                       k.product_id, p.title, k.attributes, k.price_minor, k.currency, k.stock, p.shop_id, s.name,
                       p.shipped, (p.published and not k.retired),
                       exists (select 1 from store_items i where i.community_id = c.community_id and i.product_id = p.id)
                from cart_lines c join skus k on k.id = c.sku_id join products p on p.id = k.product_id
                     join shops s on s.id = p.shop_id
                where c.account_id = ? order by c.community_id, p.shop_id, c.added_at, c.sku_id""")
                .param(accountId)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        new Money(rs.getLong(4), Money.Currency.valueOf(rs.getString(5))),
                        (Long) rs.getObject(6, Long.class), rs.getLong(7), rs.getString(8), rs.getString(9),
                        new Money(rs.getLong(10), Money.Currency.valueOf(rs.getString(11))), rs.getInt(12), rs.getLong(13),
                        rs.getString(14), rs.getBoolean(15), rs.getBoolean(16), rs.getBoolean(17))).list();
    }

    int count(long accountId) {
        return jdbc.sql("select count(*) from cart_lines where account_id = ?").param(accountId).query(Integer.class).single();
    }

    /** Adds the quantity to a line already there (at most {@code max}) and takes the price seen now. */
    void add(long accountId, long communityId, long skuId, int quantity, int max, Money seen, Long referrerId,
             OffsetDateTime now) {
        int updated = jdbc.sql("""
                update cart_lines set quantity = least(quantity + ?, ?), seen_price_minor = ?, currency = ?,
                       referrer_id = coalesce(?, referrer_id)
                where account_id = ? and community_id = ? and sku_id = ?""")
                .params(quantity, max, seen.minor(), seen.currency().name(), referrerId, accountId, communityId, skuId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into cart_lines (account_id, community_id, sku_id, quantity, seen_price_minor, currency,
                                            referrer_id, added_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(accountId, communityId, skuId, quantity, seen.minor(), seen.currency().name(), referrerId, now)
                    .update();
        }
    }

    int setQuantity(long accountId, long communityId, long skuId, int quantity) {
        return jdbc.sql("update cart_lines set quantity = ? where account_id = ? and community_id = ? and sku_id = ?")
                .params(quantity, accountId, communityId, skuId).update();
    }

    int seen(long accountId, long communityId, long skuId, Money price) {
        return jdbc.sql("""
                update cart_lines set seen_price_minor = ?, currency = ?
                where account_id = ? and community_id = ? and sku_id = ?""")
                .params(price.minor(), price.currency().name(), accountId, communityId, skuId).update();
    }

    int remove(long accountId, long communityId, Collection<Long> skuIds) {
        return jdbc.sql("delete from cart_lines where account_id = :account and community_id = :community and sku_id in (:skus)")
                .param("account", accountId).param("community", communityId).param("skus", skuIds).update();
    }
}
