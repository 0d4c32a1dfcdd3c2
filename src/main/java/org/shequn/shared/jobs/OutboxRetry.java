package org.shequn.shared.jobs;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the domain events whose listener failed or whose node died mid-delivery, without waiting
 * for a restart: every minute, on one node, publications still incomplete after two minutes are
 * resubmitted. Listeners rewrite whole rows or check a source key, so a second delivery is harmless.
 */
@Component
class OutboxRetry {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final IncompleteEventPublications incomplete;

    OutboxRetry(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(fixedDelayString = "${shequn.outbox.retry-every:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "outbox-retry", lockAtMostFor = "PT5M")
    void resubmitStale() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(STALE_AFTER);
        } catch (RuntimeException e) {
            log.warn("Resubmitting incomplete event publications failed; will try again: {}", e.getMessage());
        }
    }
}
