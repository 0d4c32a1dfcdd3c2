package org.shequn.commerce;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.shequn.commerce.view.ShopView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The shops, one per merchant. */
@Repository
class ShopStore {

    private static final String COLUMNS = "id, merchant_account_id, name, description, contact, settlement";

    private final JdbcClient jdbc;

    ShopStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long merchantId, ShopDraft d, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into shops (merchant_account_id, name, description, contact, settlement, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(merchantId, d.name(), d.description(), d.contact(), d.settlement(), now).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, ShopDraft d) {
        jdbc.sql("update shops set name = ?, description = ?, contact = ?, settlement = ? where id = ?")
                .params(d.name(), d.description(), d.contact(), d.settlement(), id).update();
    }

    Optional<ShopView> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from shops where id = ?").param(id).query(ShopStore::row).optional();
    }

    /** The names of these shops, by id. */
    java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        var names = new java.util.HashMap<Long, String>();
        jdbc.sql("select id, name from shops where id in (:ids)").param("ids", ids)
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2))).list();
        return names;
    }

    Optional<ShopView> byMerchant(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from shops where merchant_account_id = ?").param(accountId)
                .query(ShopStore::row).optional();
    }

    private static ShopView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ShopView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
    }
}
