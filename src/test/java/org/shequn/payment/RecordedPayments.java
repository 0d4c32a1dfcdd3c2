package org.shequn.payment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;

/** Every payment event published, on whatever thread: imported by the tests that count them. */
class RecordedPayments {

    final List<PaymentSucceeded> succeeded = new CopyOnWriteArrayList<>();
    final List<PaymentRefunded> refunded = new CopyOnWriteArrayList<>();

    @EventListener
    void on(PaymentSucceeded event) {
        succeeded.add(event);
    }

    @EventListener
    void on(PaymentRefunded event) {
        refunded.add(event);
    }

    long succeeded(long paymentId) {
        return succeeded.stream().filter(e -> e.paymentId() == paymentId).count();
    }

    long refunded(long paymentId) {
        return refunded.stream().filter(e -> e.paymentId() == paymentId).count();
    }
}
