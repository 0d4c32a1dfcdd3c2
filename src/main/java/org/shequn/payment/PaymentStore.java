package org.shequn.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.shequn.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payment tables; every state change is a conditional update, so concurrent callers cannot both win. */
@Repository
class PaymentStore {

    private static final String COLUMNS = """
            id, trade_no, purpose, amount_minor, refunded_minor, currency, channel, status, payer_account_id,
            description, return_to, idempotency_key, checkout_display, checkout_value, provider_transaction_id,
            created_at, paid_at""";

    /** A payment row with what only this module sees: the key it was started with and its stored checkout. */
    record Row(PaymentView view, String idempotencyKey, PaymentChannel.Display display, String checkoutValue) {
    }

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a pending payment unless the payer already used this key (then nothing happens). */
    void insertUnlessKeyUsed(String tradeNo, PaymentRequest request, String returnTo, Instant now) {
        jdbc.sql("""
                insert into payments (trade_no, purpose, amount_minor, currency, channel, status, payer_account_id,
                                      description, return_to, idempotency_key, created_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(tradeNo, request.purpose(), request.amount().minor(), request.amount().currency().name(),
                        request.channel().name(), request.payerAccountId(), request.description(), returnTo,
                        request.idempotencyKey(), at(now))
                .update();
    }

    Optional<Row> byKey(long payerAccountId, String idempotencyKey) {
        return jdbc.sql("select " + COLUMNS + " from payments where payer_account_id = ? and idempotency_key = ?")
                .params(payerAccountId, idempotencyKey).query(PaymentStore::row).optional();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from payments where id = ?").param(id).query(PaymentStore::row).optional();
    }

    Optional<Row> byTradeNo(String tradeNo) {
        return jdbc.sql("select " + COLUMNS + " from payments where trade_no = ?").param(tradeNo)
                .query(PaymentStore::row).optional();
    }

    /** Pending payments of channels that can be asked, started between {@code from} and {@code to}, oldest first. */
    java.util.List<Long> pendingBetween(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                select id from payments
                where status = 'PENDING' and channel in ('WECHAT', 'ALIPAY') and created_at >= ? and created_at < ?
                order by created_at fetch first ? rows only""")
                .params(at(from), at(to), limit).query(Long.class).list();
    }

    void rememberCheckout(long id, PaymentChannel.Shown shown) {
        jdbc.sql("update payments set checkout_display = ?, checkout_value = ? where id = ? and checkout_value is null")
                .params(shown.display().name(), shown.value(), id).update();
    }

    /** True for the one caller that turned the payment from PENDING to PAID. */
    boolean markPaid(long id, String providerTransactionId, Instant paidAt, Long confirmedBy, String note) {
        return jdbc.sql("""
                update payments set status = 'PAID', provider_transaction_id = ?, paid_at = ?, confirmed_by = ?,
                                    confirm_note = ?
                where id = ? and status = 'PENDING'""")
                .params(providerTransactionId, at(paidAt), confirmedBy, note, id).update() == 1;
    }

    /** False when the notification was recorded before (a replay, or the same one at another node). */
    boolean rememberNotification(PaymentChannel.Kind channel, String notificationId, long paymentId, Instant now) {
        return jdbc.sql("""
                insert into payment_notifications (channel, notification_id, payment_id, received_at)
                values (?, ?, ?, ?) on conflict do nothing""")
                .params(channel.name(), notificationId, paymentId, at(now)).update() == 1;
    }

    /** Takes {@code amount} off what is left to refund, or false when the payment is not paid or too little is left. */
    boolean reserveRefund(long id, long amountMinor) {
        return jdbc.sql("""
                update payments set refunded_minor = refunded_minor + ?,
                       status = case when refunded_minor + ? = amount_minor then 'REFUNDED' else status end
                where id = ? and status = 'PAID' and refunded_minor + ? <= amount_minor""")
                .params(amountMinor, amountMinor, id, amountMinor).update() == 1;
    }

    long insertRefund(long paymentId, String refundNo, Money amount, String idempotencyKey, Instant now) {
        jdbc.sql("""
                insert into payment_refunds (payment_id, refund_no, amount_minor, currency, idempotency_key, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(paymentId, refundNo, amount.minor(), amount.currency().name(), idempotencyKey, at(now)).update();
        return jdbc.sql("select id from payment_refunds where refund_no = ?").param(refundNo).query(Long.class).single();
    }

    void recordProviderRefund(long refundId, String providerRefundId) {
        jdbc.sql("update payment_refunds set provider_refund_id = ? where id = ?").params(providerRefundId, refundId).update();
    }

    Optional<Refund> refundByKey(long paymentId, String idempotencyKey) {
        return jdbc.sql("""
                select id, payment_id, refund_no, amount_minor, currency, provider_refund_id from payment_refunds
                where payment_id = ? and idempotency_key = ?""")
                .params(paymentId, idempotencyKey)
                .query((rs, n) -> new Refund(rs.getLong("id"), rs.getLong("payment_id"), rs.getString("refund_no"),
                        new Money(rs.getLong("amount_minor"), Money.Currency.valueOf(rs.getString("currency").strip())),
                        rs.getString("provider_refund_id")))
                .optional();
    }

    /** A per-install secret, made once by whichever node asks first. */
    String secret(String name, String candidate) {
        jdbc.sql("insert into payment_secrets (name, secret) values (?, ?) on conflict do nothing").params(name, candidate).update();
        return jdbc.sql("select secret from payment_secrets where name = ?").param(name).query(String.class).single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var currency = Money.Currency.valueOf(rs.getString("currency").strip());
        var paidAt = rs.getObject("paid_at", OffsetDateTime.class);
        var view = new PaymentView(rs.getLong("id"), rs.getString("trade_no"), rs.getString("purpose"),
                new Money(rs.getLong("amount_minor"), currency), new Money(rs.getLong("refunded_minor"), currency),
                PaymentChannel.Kind.valueOf(rs.getString("channel")), PaymentStatus.valueOf(rs.getString("status")),
                rs.getLong("payer_account_id"), rs.getString("description"), rs.getString("return_to"),
                rs.getString("provider_transaction_id"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                paidAt == null ? null : paidAt.toInstant());
        var display = rs.getString("checkout_display");
        return new Row(view, rs.getString("idempotency_key"),
                display == null ? null : PaymentChannel.Display.valueOf(display), rs.getString("checkout_value"));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
