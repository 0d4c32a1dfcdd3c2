package org.shequn.entry;

import java.time.Clock;
import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.shequn.membership.PaidMembership;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds members before their paid term ends: 7 days before, then 1 day before, once each (a row per term end and
 * stage). A term found within a day of its end for the first time gets only the 1-day reminder. Runs every hour on
 * one node; {@link #sendDue()} is public so tests call it after moving the clock.
 */
@Component
public class EntryReminders {

    static final int[] STAGES = {1, 7};
    private static final int BATCH = 1000;

    private final PaidMembership memberships;
    private final EntryPaymentStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EntryReminders(PaidMembership memberships, EntryPaymentStore store, ApplicationEventPublisher events, Clock clock) {
        this.memberships = memberships;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shequn.entry.reminders-every:PT1H}", initialDelayString = "PT2M")
    @SchedulerLock(name = "entry-reminders", lockAtMostFor = "PT30M")
    void scheduled() {
        sendDue();
    }

    /** Sends the reminders due now; returns how many were sent. */
    @Transactional
    public int sendDue() {
        var now = OffsetDateTime.now(clock);
        int sent = 0;
        for (int days : STAGES) {
            for (var term : memberships.expiring(now, now.plusDays(days), BATCH)) {
                boolean fresh = store.remind(term.communityId(), term.accountId(), term.expiresAt(), days, now);
                // a later stage's reminder stands for the earlier ones it overtook
                for (int earlier : STAGES) {
                    if (earlier > days) {
                        store.remind(term.communityId(), term.accountId(), term.expiresAt(), earlier, now);
                    }
                }
                if (fresh) {
                    events.publishEvent(new EntryExpiring(term.communityId(), term.accountId(), term.expiresAt(), days));
                    sent++;
                }
            }
        }
        return sent;
    }
}
