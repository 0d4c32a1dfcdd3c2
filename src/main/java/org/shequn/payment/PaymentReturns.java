package org.shequn.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.security.SecureRandom;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.shequn.ledger.Account;
import org.shequn.ledger.Leg;
import org.shequn.ledger.Ledger;
import org.shequn.ledger.Posting;
import org.shequn.ledger.ReferenceTotals;
import org.shequn.shared.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Money that reached us for something that could not take it goes back, and is in the ledger while it does: an order
 * that had expired or was cancelled, an entry the rules refused, a verified notification with another amount than
 * the payment's. {@link #take} records it once per payment (a repeated notification, or the same at two nodes, finds
 * the row and changes nothing), posts it from clearing to {@link Account#TO_REFUND} under {@code payment:<id>}, and
 * asks the channel to refund it; once the channel has, the posting is reversed (to refund → clearing) and a paid
 * payment shows as refunded. A channel that cannot be reached now leaves the money in 待退款, visible to the operator,
 * and the retry job asks again (the same refund number each time, so the provider refunds once).
 */
@Component
class PaymentReturns implements ReferenceTotals {

    private static final Logger log = LoggerFactory.getLogger(PaymentReturns.class);
    private static final int BATCH = 100;

    /** One return as stored. */
    record Row(long id, long paymentId, Money amount, String reason, String providerTransactionId, String refundNo,
               Instant receivedAt, Instant returnedAt) {
        boolean returned() {
            return returnedAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final PaymentStore payments;
    private final Channels channels;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PaymentReturns(JdbcClient jdbc, PaymentStore payments, Channels channels, Ledger ledger,
                   TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.channels = channels;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
    }

    static String reference(long paymentId) {
        return "payment:" + paymentId;
    }

    private static String receivedKey(long paymentId) {
        return reference(paymentId) + ":received";
    }

    /**
     * Runs in the caller's transaction: records {@code amount} received for the payment as to be returned (once per
     * payment: a second call finds the first return), posts it to 待退款, and tries the refund at once.
     */
    Row take(PaymentView payment, Money amount, String providerTransactionId, String reason) {
        var refundNo = "RT" + HexFormat.of().formatHex(bytes());
        boolean inserted = jdbc.sql("""
                insert into payment_returns (payment_id, amount_minor, currency, reason, provider_transaction_id,
                                             refund_no, received_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(payment.id(), amount.minor(), amount.currency().name(), reason, providerTransactionId, refundNo,
                        at(clock.instant()))
                .update() == 1;
        var row = byPayment(payment.id()).orElseThrow();
        if (!inserted) {
            return row;
        }
        ledger.post(new Posting(receivedKey(payment.id()), reference(payment.id()),
                "支付 #" + payment.id() + " 到账未受理，待退款", List.of(
                        new Leg(Account.CLEARING, row.amount()), new Leg(Account.TO_REFUND, row.amount().negate()))));
        log.info("Payment {} received {} that its purpose {} cannot take ({}); returning it", payment.id(),
                row.amount().display(), payment.purpose(), reason);
        tryRefund(row);
        return byPayment(payment.id()).orElseThrow();
    }

    /**
     * Asks the channel to refund a return not yet made and, once it has, reverses the posting. Runs in the caller's
     * transaction; a channel's failure is logged and leaves the return to the retry job (the transaction goes on).
     */
    boolean tryRefund(Row row) {
        if (row.returned()) {
            return false;
        }
        var payment = payments.byId(row.paymentId()).orElseThrow().view();
        var channel = channels.find(payment.channel()).orElse(null);
        if (channel == null) {
            log.warn("Return {} of payment {} waits: its channel {} is off", row.id(), row.paymentId(), payment.channel());
            return false;
        }
        var providerTx = row.providerTransactionId() != null ? row.providerTransactionId() : payment.providerTransactionId();
        // what the provider took is what it refunds: the amount received, which for a wrong amount is not the payment's
        var order = new PaymentChannel.Order(payment.id(), payment.tradeNo(), row.amount(), payment.description(),
                providerTx, payment.returnTo());
        String providerRefundId;
        try {
            providerRefundId = channel.refund(order, row.refundNo(), row.amount());
        } catch (RuntimeException failed) {
            jdbc.sql("update payment_returns set attempts = attempts + 1 where id = ?").param(row.id()).update();
            log.warn("Return {} of payment {} not refunded yet, will try again: {}", row.id(), row.paymentId(),
                    failed.getMessage());
            return false;
        }
        if (jdbc.sql("""
                update payment_returns set provider_refund_id = ?, returned_at = ?, attempts = attempts + 1
                where id = ? and returned_at is null""")
                .params(providerRefundId, at(clock.instant()), row.id()).update() != 1) {
            return false;
        }
        ledger.reverse(receivedKey(row.paymentId()), reference(row.paymentId()) + ":returned",
                "支付 #" + row.paymentId() + " 到账未受理，已退回");
        if (payment.status() == PaymentStatus.PAID && payments.reserveRefund(payment.id(), row.amount().minor())) {
            // the payment itself shows it went back, under the return's refund number
            long refundId = payments.insertRefund(payment.id(), row.refundNo(), row.amount(), "return-" + row.id(),
                    clock.instant());
            payments.recordProviderRefund(refundId, providerRefundId);
        }
        return true;
    }

    /** Every minute, on one node: the returns a channel could not make yet, asked again. */
    @Scheduled(fixedDelayString = "${shequn.payment.return-retry-every:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "payment-returns", lockAtMostFor = "PT5M")
    void scheduled() {
        retryPending();
    }

    /** Tries the returns still to be made, oldest first; returns how many were made now. */
    int retryPending() {
        int made = 0;
        for (var row : pending(BATCH)) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> tryRefund(byId(row.id()).orElseThrow())))) {
                    made++;
                }
            } catch (RuntimeException e) {
                log.warn("Retrying return {} failed: {}", row.id(), e.getMessage());
            }
        }
        return made;
    }

    Optional<Row> byPayment(long paymentId) {
        return jdbc.sql("select * from payment_returns where payment_id = ?").param(paymentId)
                .query(PaymentReturns::row).optional();
    }

    private Optional<Row> byId(long id) {
        return jdbc.sql("select * from payment_returns where id = ?").param(id).query(PaymentReturns::row).optional();
    }

    List<Row> pending(int limit) {
        return jdbc.sql("select * from payment_returns where returned_at is null order by id limit " + limit)
                .query(PaymentReturns::row).list();
    }

    List<Row> latest(int limit) {
        return jdbc.sql("select * from payment_returns order by id desc limit " + limit).query(PaymentReturns::row).list();
    }

    /** For the ledger's invariant check: each return in clearing until it went back, then zero. */
    @Override
    public Map<String, Money> expectedClearing() {
        var expected = new LinkedHashMap<String, Money>();
        for (var row : jdbc.sql("select * from payment_returns").query(PaymentReturns::row).list()) {
            expected.put(reference(row.paymentId()), row.returned() ? new Money(0, row.amount().currency()) : row.amount());
        }
        return expected;
    }

    private byte[] bytes() {
        var b = new byte[12];
        random.nextBytes(b);
        return b;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var returned = rs.getObject("returned_at", OffsetDateTime.class);
        return new Row(rs.getLong("id"), rs.getLong("payment_id"),
                new Money(rs.getLong("amount_minor"), Money.Currency.valueOf(rs.getString("currency").strip())),
                rs.getString("reason"), rs.getString("provider_transaction_id"), rs.getString("refund_no"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(), returned == null ? null : returned.toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
