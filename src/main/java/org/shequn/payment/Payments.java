package org.shequn.payment;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.shequn.identity.SignIn;
import org.shequn.shared.Rejection;
import org.shequn.shared.money.Money;
import org.shequn.shared.text.ControlCharacters;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment module's use cases. Who may pay, confirm or refund what is the purpose's module's decision: it calls
 * these after authorizing its caller. Each use case writes nothing when it refuses.
 */
@Service
public class Payments {

    /** {@code kind:id}, both short and plain, e.g. {@code order:42}. */
    private static final Pattern PURPOSE = Pattern.compile("^[a-z][a-z0-9_-]{0,15}:[A-Za-z0-9_-]{1,40}$");
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_.:-]{1,100}$");
    /** 1,000,000.00 in any currency with two digits: anything larger is a typo or an attack */
    static final long MAX_MINOR = 100_000_000L;

    private final PaymentStore store;
    private final Channels channels;
    private final PaymentRecorder recorder;
    private final PaymentNotifications notifications;
    private final PaymentReturns returns;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Payments(PaymentStore store, Channels channels, PaymentRecorder recorder, PaymentNotifications notifications,
             PaymentReturns returns, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.returns = returns;
        this.store = store;
        this.channels = channels;
        this.recorder = recorder;
        this.notifications = notifications;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The channels a payer may choose, in a stable order. */
    public List<PaymentChannel.Kind> channels() {
        return channels.offered();
    }

    /**
     * Starts a payment, or returns the one the payer started before with the same idempotency key (the same request
     * again); the same key with a different request is refused (409).
     */
    public Checkout start(PaymentRequest request) {
        check(request);
        var channel = channels.find(request.channel())
                .orElseThrow(() -> Rejection.invalid("channel", "payment.channel.off"));
        var returnTo = SignIn.safeNext(request.returnTo());
        store.insertUnlessKeyUsed(tradeNo(), request, returnTo, clock.instant());
        var row = store.byKey(request.payerAccountId(), request.idempotencyKey()).orElseThrow();
        var view = row.view();
        if (!view.purpose().equals(request.purpose()) || !view.amount().equals(request.amount())
                || view.channel() != request.channel() || !view.description().equals(request.description())
                || !view.returnTo().equals(returnTo)) {
            throw Rejection.conflict("payment.idempotency.mismatch");
        }
        if (row.checkoutValue() != null) {
            return checkout(view, new PaymentChannel.Shown(row.display(), row.checkoutValue()));
        }
        // the provider is asked outside any transaction of ours; asking again for the same trade number is harmless
        var shown = channel.create(order(view));
        store.rememberCheckout(view.id(), shown);
        return checkout(view, shown);
    }

    private static Checkout checkout(PaymentView view, PaymentChannel.Shown shown) {
        return new Checkout(view.id(), view.tradeNo(), view.channel(), shown.display(), shown.value(), view.testMode());
    }

    /** What its payer was shown to pay this payment, as the channel answered when it was started. */
    public Optional<Checkout> checkout(long paymentId) {
        return store.byId(paymentId).filter(row -> row.checkoutValue() != null)
                .map(row -> checkout(row.view(), new PaymentChannel.Shown(row.display(), row.checkoutValue())));
    }

    public Optional<PaymentView> find(long paymentId) {
        return store.byId(paymentId).map(PaymentStore.Row::view);
    }

    /**
     * Asks the payment's channel how the payment stands (WeChat: the order by out_trade_no; Alipay:
     * alipay.trade.query; the test mode and offline transfers: their own record, which is this one) and records a
     * payment the provider says is paid exactly as its notification would be: the same recorder, the same
     * exactly-once rule, so a notification that arrives later (or at the same moment) changes nothing. For a lost
     * notification, and for a payer waiting on the payment page. A provider that cannot be reached leaves it as it was.
     */
    public PaymentView query(long paymentId) {
        var view = find(paymentId).orElseThrow(() -> Rejection.notFound("payment.notFound"));
        if (view.status() != PaymentStatus.PENDING) {
            return view;
        }
        var channel = channels.find(view.channel());
        if (channel.isEmpty()) {
            return view;
        }
        java.util.Optional<PaymentChannel.Notice> notice;
        try {
            notice = channel.get().query(order(view));
        } catch (PaymentChannel.Refused refused) {
            return view;
        }
        if (notice.isEmpty() || !notice.get().paid()) {
            return view;
        }
        notifications.recordQueried(view.channel(), notice.get());
        return find(paymentId).orElseThrow();
    }

    /**
     * Records an offline transfer as paid, with who confirmed it and their note. The caller has authorized the
     * confirmer (the merchant, the community's owner). Refused for another channel's payment or one already paid.
     */
    public PaymentView confirmOffline(long paymentId, long confirmerAccountId, String note) {
        var text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > 500 || ControlCharacters.in(text)) {
            throw Rejection.invalid("note", "payment.note.invalid");
        }
        var view = find(paymentId).orElseThrow(() -> Rejection.notFound("payment.notFound"));
        if (view.channel() != PaymentChannel.Kind.OFFLINE) {
            throw Rejection.conflict("payment.offline.only");
        }
        boolean paid = Boolean.TRUE.equals(transactions.execute(status ->
                recorder.markPaid(view, "OFFLINE-" + view.tradeNo(), clock.instant(), confirmerAccountId, text)));
        if (!paid) {
            throw Rejection.conflict("payment.alreadyPaid");
        }
        return find(paymentId).orElseThrow();
    }

    /**
     * Refunds part or all of a paid payment at its channel; the same idempotency key again returns the first refund
     * (with another amount it is refused). More than what is left to refund is refused, also when two refunds race.
     */
    public Refund refund(long paymentId, Money amount, String idempotencyKey) {
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw Rejection.invalid("idempotencyKey", "payment.idempotencyKey.invalid");
        }
        var view = find(paymentId).orElseThrow(() -> Rejection.notFound("payment.notFound"));
        if (amount == null || amount.minor() <= 0) {
            throw Rejection.invalid("amount", "payment.amount.invalid");
        }
        if (amount.currency() != view.amount().currency()) {
            throw Rejection.invalid("amount", "payment.currency.mismatch");
        }
        var earlier = store.refundByKey(paymentId, idempotencyKey);
        if (earlier.isPresent()) {
            return same(earlier.get(), amount);
        }
        try {
            return transactions.execute(status -> refundOnce(view, amount, idempotencyKey));
        } catch (DataIntegrityViolationException raced) {
            // the same key at the same moment: the other request's refund stands
            return same(store.refundByKey(paymentId, idempotencyKey).orElseThrow(() -> raced), amount);
        }
    }

    private Refund refundOnce(PaymentView view, Money amount, String idempotencyKey) {
        if (!store.reserveRefund(view.id(), amount.minor())) {
            var now = find(view.id()).orElseThrow();
            if (now.status() == PaymentStatus.PENDING) {
                throw Rejection.conflict("payment.notPaid");
            }
            throw Rejection.invalid("amount", "payment.refund.tooMuch", now.amount().minus(now.refunded()).display());
        }
        var refundNo = refundNo(view.id(), idempotencyKey);
        long refundId = store.insertRefund(view.id(), refundNo, amount, idempotencyKey, clock.instant());
        // the provider is asked inside the transaction: if it refuses, the reservation is rolled back with it
        var providerRefundId = channels.of(view.channel()).refund(order(view), refundNo, amount);
        store.recordProviderRefund(refundId, providerRefundId);
        events.publishEvent(new PaymentRefunded(view.id(), view.purpose(), amount, refundId));
        return new Refund(refundId, view.id(), refundNo, amount, providerRefundId);
    }

    /**
     * For the purpose's module that cannot take a payment that was paid (its order had expired or was cancelled, the
     * entry rules refused the payer): the money is returned to the payer, and is in the ledger (待退款) until it is.
     * Once per payment: the same event delivered again, or from two nodes, returns it once. {@code reason} is a short
     * key saying why ("order.notPayable"). Nothing happens for a payment that is not paid or was refunded in full.
     */
    public void returnOnArrival(long paymentId, String reason) {
        if (reason == null || !KEY.matcher(reason).matches() || reason.length() > 64) {
            throw Rejection.invalid("reason", "payment.reason.invalid");
        }
        var view = find(paymentId).orElseThrow(() -> Rejection.notFound("payment.notFound"));
        var left = view.amount().minus(view.refunded());
        if (view.status() != PaymentStatus.PAID || left.minor() <= 0) {
            return;
        }
        transactions.executeWithoutResult(status -> returns.take(view, left, view.providerTransactionId(), reason));
    }

    /** Whether money that reached this payment is being (or was) returned, and when it went back. */
    public Optional<Returned> returned(long paymentId) {
        return returns.byPayment(paymentId).map(r -> new Returned(r.amount(), r.reason(), r.receivedAt(), r.returnedAt()));
    }

    /** Money received for a payment that its purpose could not take: {@code returnedAt} null while it is still to go back. */
    public record Returned(Money amount, String reason, java.time.Instant receivedAt, java.time.Instant returnedAt) {
    }

    private static Refund same(Refund earlier, Money amount) {
        if (!earlier.amount().equals(amount)) {
            throw Rejection.conflict("payment.idempotency.mismatch");
        }
        return earlier;
    }

    static PaymentChannel.Order order(PaymentView view) {
        return new PaymentChannel.Order(view.id(), view.tradeNo(), view.amount(), view.description(),
                view.providerTransactionId(), view.returnTo());
    }

    private void check(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.purpose() == null || !PURPOSE.matcher(request.purpose()).matches()) {
            throw Rejection.invalid("purpose", "payment.purpose.invalid");
        }
        if (request.amount() == null || request.amount().minor() <= 0 || request.amount().minor() > MAX_MINOR) {
            throw Rejection.invalid("amount", "payment.amount.invalid");
        }
        if (request.channel() == null) {
            throw Rejection.invalid("channel", "payment.channel.off");
        }
        var description = request.description();
        if (description == null || description.isBlank() || description.length() > 100 || ControlCharacters.in(description)) {
            throw Rejection.invalid("description", "payment.description.invalid");
        }
        if (request.idempotencyKey() == null || !KEY.matcher(request.idempotencyKey()).matches()) {
            throw Rejection.invalid("idempotencyKey", "payment.idempotencyKey.invalid");
        }
        if (request.payerAccountId() <= 0) {
            throw Rejection.invalid("payerAccountId", "payment.payer.invalid");
        }
    }

    private String tradeNo() {
        return "SQ" + HexFormat.of().formatHex(randomBytes(12));
    }

    /**
     * The refund's number at the provider, the same for the same payment and key: a refund whose answer was lost (the
     * channel timed out after refunding, so the reservation rolled back) asked again under its key reaches the
     * provider with the number it already refunded, and the provider refunds it once.
     */
    static String refundNo(long paymentId, String idempotencyKey) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((paymentId + ":" + idempotencyKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "RF" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    private byte[] randomBytes(int n) {
        var bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
