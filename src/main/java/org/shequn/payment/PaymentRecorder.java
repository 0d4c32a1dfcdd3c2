package org.shequn.payment;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records what a verified notice says, exactly once: the notice must name a known payment of its channel in its
 * currency; an authentic success with another amount is money received that cannot pay the payment, and goes back
 * through {@link PaymentReturns} (recorded once, in the ledger while it does); its id is remembered (the same notice again changes nothing); and the payment turns
 * PAID only through the conditional update, whose one winner publishes {@link PaymentSucceeded} in the same
 * transaction. Two nodes receiving the same notification at once: the loser waits on the winner's row and finds it
 * taken.
 */
@Component
class PaymentRecorder {

    enum Outcome { PAID, ALREADY_PAID, REPLAY, NOT_A_SUCCESS, RETURNED }

    private final PaymentStore store;
    private final PaymentReturns returns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentRecorder(PaymentStore store, PaymentReturns returns, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.returns = returns;
        this.events = events;
        this.clock = clock;
    }

    /** Runs in the caller's transaction; throws {@link PaymentChannel.Refused} before writing anything. */
    Outcome record(PaymentChannel.Kind channel, PaymentChannel.Notice notice) {
        var view = store.byTradeNo(notice.tradeNo()).map(PaymentStore.Row::view)
                .orElseThrow(() -> new PaymentChannel.Refused("unknown payment"));
        if (view.channel() != channel) {
            throw new PaymentChannel.Refused("payment of another channel");
        }
        if (notice.amount().currency() != view.amount().currency()) {
            throw new PaymentChannel.Refused("wrong currency");
        }
        if (!notice.paid()) {
            return Outcome.NOT_A_SUCCESS;
        }
        if (notice.amount().minor() != view.amount().minor()) {
            // authentic, so the money is real: it does not pay the payment, it goes back (once, however often told)
            if (notice.amount().minor() <= 0 || notice.amount().minor() > Payments.MAX_MINOR) {
                throw new PaymentChannel.Refused("wrong amount");
            }
            store.rememberNotification(channel, notice.notificationId(), view.id(), clock.instant());
            returns.take(view, notice.amount(), notice.providerTransactionId(), "payment.wrongAmount");
            return Outcome.RETURNED;
        }
        if (!store.rememberNotification(channel, notice.notificationId(), view.id(), clock.instant())) {
            return Outcome.REPLAY;
        }
        return markPaid(view, notice.providerTransactionId(), notice.paidAt(), null, null) ? Outcome.PAID : Outcome.ALREADY_PAID;
    }

    boolean markPaid(PaymentView view, String providerTransactionId, Instant paidAt, Long confirmedBy, String note) {
        if (!store.markPaid(view.id(), providerTransactionId, paidAt, confirmedBy, note)) {
            return false;
        }
        events.publishEvent(new PaymentSucceeded(view.id(), view.purpose(), view.amount(), view.channel(),
                providerTransactionId, paidAt));
        return true;
    }
}
