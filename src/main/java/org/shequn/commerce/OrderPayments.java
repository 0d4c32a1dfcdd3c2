package org.shequn.commerce;

import org.shequn.payment.PaymentSucceeded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Turns a payment whose purpose is {@code order:<id>} into that order being paid (outbox; idempotent). */
@Component
class OrderPayments {

    static final String PURPOSE = "order:";

    private final Orders orders;

    OrderPayments(Orders orders) {
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(PaymentSucceeded paid) {
        if (!paid.purpose().startsWith(PURPOSE)) {
            return;
        }
        long orderId;
        try {
            orderId = Long.parseLong(paid.purpose().substring(PURPOSE.length()));
        } catch (NumberFormatException notOurs) {
            return;
        }
        orders.markPaid(orderId, paid.amount(), paid.paymentId());
    }
}
