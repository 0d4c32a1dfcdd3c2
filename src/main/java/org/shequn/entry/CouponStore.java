package org.shequn.entry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Coupons and their use counts; a use is taken by one conditional update, never past the limit. */
@Repository
class CouponStore {

    private static final String COLUMNS = "id, code, amount_off_minor, percent_off, expires_at, max_uses, uses";

    private final JdbcClient jdbc;

    CouponStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long communityId, CouponTerms t, OffsetDateTime expiresAt, long by, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into entry_coupons (community_id, code, amount_off_minor, percent_off, expires_at, max_uses, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(communityId, t.code().strip(), t.amountOffMinor(), t.percentOff(), expiresAt, t.maxUses(), by, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Coupon> byCode(long communityId, String code) {
        return jdbc.sql("select " + COLUMNS + " from entry_coupons where community_id = ? and code = ?")
                .params(communityId, code).query(this::row).optional();
    }

    Optional<Coupon> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from entry_coupons where id = ?").param(id).query(this::row).optional();
    }

    List<Coupon> list(long communityId) {
        return jdbc.sql("select " + COLUMNS + " from entry_coupons where community_id = ? order by id desc limit 200")
                .param(communityId).query(this::row).list();
    }

    /** Takes one use; false when none is left (or it expired), also when many take one at once. */
    boolean use(long id, OffsetDateTime now) {
        return jdbc.sql("update entry_coupons set uses = uses + 1 where id = ? and uses < max_uses and (expires_at is null or expires_at > ?)")
                .params(id, now).update() == 1;
    }

    /** Gives back a use taken for a payment that was then refused. */
    void giveBack(long id) {
        jdbc.sql("update entry_coupons set uses = uses - 1 where id = ? and uses > 0").param(id).update();
    }

    private Coupon row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Coupon(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class), (Integer) rs.getObject(4, Integer.class),
                rs.getObject(5, OffsetDateTime.class), rs.getInt(6), rs.getInt(7));
    }
}
