package org.shequn.commerce;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which mall products each community's store carries. */
@Repository
class StoreItemStore {

    record Item(long productId, String recommendation) {
    }

    private final JdbcClient jdbc;

    StoreItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 1 when added, 0 when the store had it already. */
    int add(long communityId, long productId, String recommendation, long by, OffsetDateTime now) {
        return jdbc.sql("""
                insert into store_items (community_id, product_id, recommendation, added_by, added_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(communityId, productId, recommendation, by, now).update();
    }

    int remove(long communityId, long productId) {
        return jdbc.sql("delete from store_items where community_id = ? and product_id = ?")
                .params(communityId, productId).update();
    }

    List<Item> items(long communityId) {
        return jdbc.sql("select product_id, recommendation from store_items where community_id = ? order by added_at desc, product_id desc")
                .param(communityId).query((rs, n) -> new Item(rs.getLong(1), rs.getString(2))).list();
    }

    Optional<Item> item(long communityId, long productId) {
        return jdbc.sql("select product_id, recommendation from store_items where community_id = ? and product_id = ?")
                .params(communityId, productId).query((rs, n) -> new Item(rs.getLong(1), rs.getString(2))).optional();
    }
}
