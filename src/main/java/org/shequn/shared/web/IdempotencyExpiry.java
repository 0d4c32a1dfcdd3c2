package org.shequn.shared.web;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets kept Idempotency-Key answers after {@code shequn.idempotency.keep-for} (a week by default): a client
 * retries a request within minutes or hours, and the table would otherwise grow with every mutating API call.
 */
@Component
public class IdempotencyExpiry {

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration keepFor;

    IdempotencyExpiry(IdempotencyStore store, Clock clock, @Value("${shequn.idempotency.keep-for:P7D}") Duration keepFor) {
        this.store = store;
        this.clock = clock;
        this.keepFor = keepFor;
    }

    @Scheduled(fixedDelayString = "${shequn.idempotency.expire-every:PT1H}", initialDelayString = "PT5M")
    @SchedulerLock(name = "idempotency-expiry", lockAtMostFor = "PT10M")
    public void run() {
        forgetOld();
    }

    /** How many kept answers it forgot (tests call this after moving the clock). */
    public int forgetOld() {
        return store.forgetBefore(clock.instant().minus(keepFor));
    }
}
