package org.shequn.entry;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each paid community's entry terms; a community without a row is free to join. */
@Repository
class EntryTermsStore {

    private final JdbcClient jdbc;

    EntryTermsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EntryTerms> find(long communityId) {
        return jdbc.sql("select fee_minor, term_days, renewal_minor, refund_hours, trial_days from entry_terms where community_id = ?")
                .param(communityId)
                .query((rs, n) -> new EntryTerms(rs.getLong(1), (Integer) rs.getObject(2, Integer.class),
                        (Long) rs.getObject(3, Long.class), rs.getInt(4), (Integer) rs.getObject(5, Integer.class)))
                .optional();
    }

    boolean exists(long communityId) {
        return jdbc.sql("select count(*) from entry_terms where community_id = ?").param(communityId)
                .query(Integer.class).single() > 0;
    }

    void save(long communityId, EntryTerms t, OffsetDateTime now) {
        if (jdbc.sql("""
                update entry_terms set fee_minor = ?, currency = 'CNY', term_days = ?, renewal_minor = ?, refund_hours = ?,
                       trial_days = ?, updated_at = ? where community_id = ?""")
                .params(t.feeMinor(), t.termDays(), t.renewalMinor(), t.refundHours(), t.trialDays(), now, communityId)
                .update() == 0) {
            jdbc.sql("""
                    insert into entry_terms (community_id, fee_minor, currency, term_days, renewal_minor, refund_hours,
                                             trial_days, updated_at) values (?, ?, 'CNY', ?, ?, ?, ?, ?)""")
                    .params(communityId, t.feeMinor(), t.termDays(), t.renewalMinor(), t.refundHours(), t.trialDays(), now)
                    .update();
        }
    }

    boolean delete(long communityId) {
        return jdbc.sql("delete from entry_terms where community_id = ?").param(communityId).update() > 0;
    }
}
