package org.shequn.entry;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.shequn.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Entry payments (joining and renewing) and the reminders sent before a term ends. */
@Repository
class EntryPaymentStore {

    enum Kind { JOIN, RENEWAL }

    enum Status { PENDING, PAID, REFUSED, REFUNDED }

    record Row(long id, long communityId, long accountId, Kind kind, Money amount, Money platformFee, Integer termDays,
               String invitationCode, Long couponId, Long paymentId, Status status, OffsetDateTime expiresAt, OffsetDateTime paidAt,
               OffsetDateTime refundUntil) {
    }

    private static final String COLUMNS = "id, community_id, account_id, kind, amount_minor, platform_fee_minor, currency,"
            + " term_days, invitation_code, coupon_id, payment_id, status, expires_at, paid_at, refund_until";

    private final JdbcClient jdbc;

    EntryPaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long communityId, long accountId, Kind kind, Money amount, Money platformFee, Integer termDays,
                String code, Long couponId, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into entry_payments (community_id, account_id, kind, amount_minor, platform_fee_minor, currency,
                                            term_days, invitation_code, coupon_id, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(communityId, accountId, kind.name(), amount.minor(), platformFee.minor(), amount.currency().name(),
                        termDays, code, couponId, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void attachPayment(long id, long paymentId) {
        jdbc.sql("update entry_payments set payment_id = ? where id = ? and payment_id is null").params(paymentId, id).update();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from entry_payments where id = ?").param(id).query(this::row).optional();
    }

    /** A checkout started before and not paid, of the same kind, amount and code: started again, not twice. */
    Optional<Row> pending(long communityId, long accountId, Kind kind, Money amount, String code, Long couponId) {
        return jdbc.sql("select " + COLUMNS + " from entry_payments where community_id = ? and account_id = ? and kind = ?"
                        + " and amount_minor = ? and status = 'PENDING' and coalesce(invitation_code, '') = ?"
                        + " and coalesce(coupon_id, 0) = ? order by id desc limit 1")
                .params(communityId, accountId, kind.name(), amount.minor(), code == null ? "" : code,
                        couponId == null ? 0L : couponId)
                .query(this::row).optional();
    }

    /** The payer's latest paid entry payment in a community. */
    Optional<Row> latestPaid(long communityId, long accountId) {
        return jdbc.sql("select " + COLUMNS + " from entry_payments where community_id = ? and account_id = ? and status = 'PAID'"
                        + " order by id desc limit 1")
                .params(communityId, accountId).query(this::row).optional();
    }

    /** PENDING → PAID once: true only for the caller whose update changed the row. */
    boolean markPaid(long id, long paymentId, OffsetDateTime paidAt, OffsetDateTime expiresAt, OffsetDateTime refundUntil) {
        return jdbc.sql("""
                update entry_payments set status = 'PAID', payment_id = ?, paid_at = ?, expires_at = ?, refund_until = ?
                where id = ? and status = 'PENDING'""")
                .params(paymentId, paidAt, expiresAt, refundUntil, id).update() == 1;
    }

    void markRefused(long id) {
        jdbc.sql("update entry_payments set status = 'REFUSED' where id = ?").param(id).update();
    }

    void setExpiry(long id, OffsetDateTime expiresAt) {
        jdbc.sql("update entry_payments set expires_at = ? where id = ?").params(expiresAt, id).update();
    }

    /** PAID → REFUNDED once, only while the window is open. */
    boolean markRefunded(long id, OffsetDateTime now) {
        return jdbc.sql("update entry_payments set status = 'REFUNDED', refunded_at = ? where id = ? and status = 'PAID' and refund_until > ?")
                .params(now, id, now).update() == 1;
    }

    /** Whether the person ever paid to enter this community (a renewal price is for those who did). */
    boolean hasPaid(long communityId, long accountId) {
        return jdbc.sql("select count(*) from entry_payments where community_id = ? and account_id = ? and status in ('PAID', 'REFUNDED')")
                .params(communityId, accountId).query(Integer.class).single() > 0;
    }

    boolean triedBefore(long communityId, long accountId) {
        return jdbc.sql("select count(*) from entry_trials where community_id = ? and account_id = ?")
                .params(communityId, accountId).query(Integer.class).single() > 0;
    }

    /** Records a free trial; false when this person took one here before. */
    boolean startTrial(long communityId, long accountId, OffsetDateTime now) {
        return jdbc.sql("insert into entry_trials (community_id, account_id, started_at) values (?, ?, ?) on conflict do nothing")
                .params(communityId, accountId, now).update() == 1;
    }

    /** Records a reminder; false when it was sent before. */
    boolean remind(long communityId, long accountId, OffsetDateTime expiresAt, int daysBefore, OffsetDateTime now) {
        return jdbc.sql("""
                insert into entry_reminders (community_id, account_id, expires_at, days_before, sent_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(communityId, accountId, expiresAt, daysBefore, now).update() == 1;
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var currency = Money.Currency.valueOf(rs.getString(7).strip());
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), Kind.valueOf(rs.getString(4)),
                new Money(rs.getLong(5), currency), new Money(rs.getLong(6), currency), (Integer) rs.getObject(8, Integer.class),
                rs.getString(9), (Long) rs.getObject(10, Long.class), (Long) rs.getObject(11, Long.class),
                Status.valueOf(rs.getString(12)), rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class),
                rs.getObject(15, OffsetDateTime.class));
    }

    /** Paid (not refunded) entry fees of a community of one kind since {@code since}: count and sum. */
    EntryIncome.Tally tally(long communityId, Kind kind, OffsetDateTime since) {
        return jdbc.sql("select count(*), coalesce(sum(amount_minor), 0) from entry_payments"
                        + " where community_id = ? and kind = ? and status = 'PAID' and paid_at >= ?")
                .params(communityId, kind.name(), since)
                .query((rs, n) -> new EntryIncome.Tally(rs.getInt(1), Money.cny(rs.getLong(2)))).single();
    }

    /** Every fee that admitted someone: its amount, or zero once refunded (what the ledger's clearing must show). */
    java.util.Map<String, Money> admittedTotals() {
        var totals = new java.util.HashMap<String, Money>();
        jdbc.sql("select id, status, amount_minor, currency from entry_payments where status in ('PAID', 'REFUNDED')")
                .query((rs, n) -> {
                    var amount = new Money(rs.getLong(3), Money.Currency.valueOf(rs.getString(4)));
                    totals.put(EntryBooks.reference(rs.getLong(1)),
                            "REFUNDED".equals(rs.getString(2)) ? Money.zero(amount.currency()) : amount);
                    return null;
                }).list();
        return totals;
    }
}
