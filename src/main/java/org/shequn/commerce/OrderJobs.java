package org.shequn.commerce;

import java.time.Clock;
import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.shequn.shared.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orders' clockwork, on one node at a time: unpaid orders expire after {@code shequn.commerce.unpaid-expiry}
 * and give their stock back; shipped orders complete after {@code shequn.commerce.auto-complete}. Each order is its
 * own transaction; one a person changed meanwhile is left as they left it. It also finishes disputes' refund
 * decisions and merchants' refund approvals that were interrupted after the channel refunded
 * ({@link Disputes#finishInterrupted}, {@link Orders#finishInterrupted}).
 */
@Component
public class OrderJobs {

    private static final Logger log = LoggerFactory.getLogger(OrderJobs.class);
    static final int BATCH = 200;

    private final OrderStore store;
    private final Orders orders;
    private final CommerceSettings settings;
    private final TransactionTemplate transactions;
    private final Disputes disputes;
    private final Clock clock;

    OrderJobs(OrderStore store, Orders orders, CommerceSettings settings, TransactionTemplate transactions,
              Disputes disputes, Clock clock) {
        this.disputes = disputes;
        this.store = store;
        this.orders = orders;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @SchedulerLock(name = "commerce-order-clock", lockAtMostFor = "PT10M")
    void scheduled() {
        try {
            expireUnpaid();
            completeDelivered();
            // a dispute refund interrupted between the channel and its record; ten minutes: none is still in flight
            disputes.finishInterrupted(java.time.Duration.ofMinutes(10));
            // and a merchant's approval, likewise
            orders.finishInterrupted(java.time.Duration.ofMinutes(10));
        } catch (RuntimeException e) {
            log.warn("The order clock failed; it runs again in a minute: {}", e.getMessage());
        }
    }

    /** Cancels every unpaid order whose time is up and gives its stock back; how many it cancelled. */
    public int expireUnpaid() {
        int n = 0;
        for (long id : store.expired(OffsetDateTime.now(clock), BATCH)) {
            n += each(id, order -> orders.close(order, "EXPIRED"));
        }
        return n;
    }

    /** Completes every order shipped longer ago than the auto-completion window; how many it completed. */
    public int completeDelivered() {
        int n = 0;
        for (long id : store.shippedBefore(OffsetDateTime.now(clock).minus(settings.autoComplete()), BATCH)) {
            n += each(id, order -> {
                if (order.status() == OrderState.SHIPPED) {
                    orders.move(order, OrderState.DELIVERED, java.util.Map.of());
                    order = store.byId(id).orElseThrow();
                }
                orders.complete(order);
            });
        }
        return n;
    }

    private int each(long id, java.util.function.Consumer<org.shequn.commerce.view.OrderView> change) {
        try {
            transactions.executeWithoutResult(status -> change.accept(store.byId(id).orElseThrow()));
            return 1;
        } catch (Rejection changedMeanwhile) {
            return 0;
        }
    }
}
