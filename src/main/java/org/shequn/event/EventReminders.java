package org.shequn.event;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds registered guests 24 hours and 1 hour before an event starts, once per event and stage (a row in
 * {@code event_reminders}); an event found within the hour for the first time gets only the 1-hour reminder.
 * Runs every few minutes on one node; {@link #sendDue()} is public so tests call it after moving the clock.
 */
@Component
public class EventReminders {

    static final int[] STAGES = {1, 24};

    private final EventStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EventReminders(EventStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shequn.event.reminders-every:PT5M}", initialDelayString = "PT2M")
    @SchedulerLock(name = "event-reminders", lockAtMostFor = "PT10M")
    void scheduled() {
        sendDue();
    }

    /** Sends the reminders due now; returns how many events' guests were reminded. */
    @Transactional
    public int sendDue() {
        var now = OffsetDateTime.now(clock);
        int sent = 0;
        for (int hours : STAGES) {
            for (var event : store.startingBetween(now, now.plusHours(hours))) {
                boolean fresh = store.remind(event.id(), hours, now) == 1;
                // a later stage stands for the earlier ones it overtook
                for (int later : STAGES) {
                    if (later > hours) {
                        store.remind(event.id(), later, now);
                    }
                }
                if (fresh) {
                    var guests = store.guests(event.id(), List.of(RegistrationState.REGISTERED));
                    if (!guests.isEmpty()) {
                        events.publishEvent(new EventReminderDue(event.communityId(), event.id(), event.title(),
                                event.startsAt(), hours, guests));
                        sent++;
                    }
                }
            }
        }
        return sent;
    }
}
