package org.shequn.payment;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A notification can be lost (our node was down, the provider gave up, a proxy dropped it). Every minute, on one node,
 * the WeChat and Alipay payments still pending a few minutes after they were started are queried at their provider
 * through {@link Payments#query}, which records a paid one exactly as its notification would have; a payment started
 * more than a day ago is left alone (the providers close unpaid trades within hours). One provider that cannot be
 * reached does not stop the others.
 */
@Component
public class StalePayments {

    private static final Logger log = LoggerFactory.getLogger(StalePayments.class);
    /** a payer scanning the code, or a notification on its way, has this long before we ask */
    public static final Duration AFTER = Duration.ofMinutes(3);
    static final Duration UNTIL = Duration.ofDays(1);
    private static final int BATCH = 200;

    private final PaymentStore store;
    private final Payments payments;
    private final Clock clock;

    StalePayments(PaymentStore store, Payments payments, Clock clock) {
        this.store = store;
        this.payments = payments;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shequn.payment.stale-check-every:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "payment-stale", lockAtMostFor = "PT5M")
    void scheduled() {
        queryStale();
    }

    /** Queries the stale pending payments; returns how many turned out paid. */
    public int queryStale() {
        var now = clock.instant();
        int paid = 0;
        for (long id : store.pendingBetween(now.minus(UNTIL), now.minus(AFTER), BATCH)) {
            try {
                if (payments.query(id).status() != PaymentStatus.PENDING) {
                    paid++;
                }
            } catch (RuntimeException e) {
                log.warn("Querying pending payment {} failed; will try again: {}", id, e.getMessage());
            }
        }
        return paid;
    }
}
