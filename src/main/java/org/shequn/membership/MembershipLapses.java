package org.shequn.membership;

import java.time.Clock;
import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces ended terms: every minute, on one node, each membership whose term has ended and was not announced yet
 * is claimed by a conditional update ({@code lapsed_at} null → now, the end still passed) and {@link MembershipLapsed}
 * is published in that transaction, so several nodes, or a run again, announce each ended term once.
 */
@Component
public class MembershipLapses {

    private static final int BATCH = 500;

    private final MembershipStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MembershipLapses(MembershipStore store, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shequn.membership.lapse-every:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "membership-lapses", lockAtMostFor = "PT5M")
    void scheduled() {
        lapseDue();
    }

    /** Announces the terms that have ended; returns how many were announced now. */
    public int lapseDue() {
        int total = 0;
        while (true) {
            var now = OffsetDateTime.now(clock);
            Integer done = transactions.execute(status -> {
                int n = 0;
                var due = store.lapsing(now, BATCH);
                for (var term : due) {
                    if (store.markLapsed(term.communityId(), term.accountId(), now)) {
                        events.publishEvent(new MembershipLapsed(term.communityId(), term.accountId(), term.expiresAt()));
                        n++;
                    }
                }
                return due.size() < BATCH ? -n - 1 : n;
            });
            if (done == null || done < 0) {
                return total + (done == null ? 0 : -done - 1);
            }
            total += done;
        }
    }
}
