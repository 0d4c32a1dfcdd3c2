package org.shequn.payment;

import org.shequn.shared.money.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A transfer outside Shequn (bank transfer, cash, a WeChat transfer between people), confirmed by hand through
 * {@link Payments#confirmOffline} by whoever the purpose's module lets confirm. It sends no notifications and holds
 * no money, so a refund is recorded here and paid back by hand too. Off unless {@code shequn.payment.offline.enabled}.
 */
@Component
class OfflineChannel implements PaymentChannel {

    private final boolean enabled;

    OfflineChannel(@Value("${shequn.payment.offline.enabled:false}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Kind kind() {
        return Kind.OFFLINE;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public Shown create(Order order) {
        return new Shown(Display.OFFLINE_INSTRUCTIONS, order.tradeNo());
    }

    @Override
    public Notice verify(Incoming notification) {
        throw new Refused("offline payments are confirmed by hand");
    }

    @Override
    public String refund(Order order, String refundNo, Money amount) {
        return "OFFLINE-R-" + refundNo;
    }
}
