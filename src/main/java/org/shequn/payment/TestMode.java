package org.shequn.payment;

import org.shequn.shared.Rejection;
import org.springframework.stereotype.Component;

/**
 * The test mode's page, for the payer only: the payment to show, and the button that has the test channel sign its
 * notification and deliver it through {@link PaymentNotifications}, the path WeChat's and Alipay's take. To anyone
 * else, and when the test mode is off, such a page does not exist.
 */
@Component
public class TestMode {

    private final Payments payments;
    private final Channels channels;
    private final TestChannel channel;
    private final PaymentNotifications notifications;

    TestMode(Payments payments, Channels channels, TestChannel channel, PaymentNotifications notifications) {
        this.payments = payments;
        this.channels = channels;
        this.channel = channel;
        this.notifications = notifications;
    }

    public PaymentView payment(long paymentId, long viewerAccountId) {
        return payments.find(paymentId)
                .filter(p -> p.channel() == PaymentChannel.Kind.TEST && p.payerAccountId() == viewerAccountId)
                .filter(p -> channels.find(PaymentChannel.Kind.TEST).isPresent())
                .orElseThrow(() -> Rejection.notFound("payment.notFound"));
    }

    /** True when this press paid it; false when it was paid already (a second press changes nothing). */
    public boolean simulateSuccess(long paymentId, long viewerAccountId) {
        var view = payment(paymentId, viewerAccountId);
        if (view.status() != PaymentStatus.PENDING) {
            return false;
        }
        var answer = notifications.receive(PaymentChannel.Kind.TEST, channel.notificationFor(Payments.order(view)))
                .orElseThrow(() -> Rejection.notFound("payment.notFound"));
        if (answer.status() != 200) {
            throw Rejection.conflict("payment.test.refused");
        }
        return true;
    }
}
