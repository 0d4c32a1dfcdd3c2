package org.shequn.event;

import java.time.OffsetDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who holds a seat. Every caller has locked the event's row ({@link EventStore#lock}) in its transaction, so the
 * seats are counted by one transaction at a time: the capacity is never exceeded, and the waitlist moves up in
 * the order people came.
 */
@Component
class Seating {

    private final EventStore store;
    private final ApplicationEventPublisher events;

    Seating(EventStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /** A seat when one is free and nobody waits before them; else the back of the waitlist. */
    RegistrationState seatFor(EventStore.EventRow locked) {
        boolean free = locked.capacity() == null || store.count(locked.id(), RegistrationState.REGISTERED) < locked.capacity();
        return free && store.count(locked.id(), RegistrationState.WAITLISTED) == 0
                ? RegistrationState.REGISTERED : RegistrationState.WAITLISTED;
    }

    /** Fills free seats from the front of the waitlist; each promoted member is told. */
    int promote(EventStore.EventRow locked, OffsetDateTime now) {
        if (locked.cancelled() || !locked.startsAt().isAfter(now)) {
            return 0;
        }
        int promoted = 0;
        while (locked.capacity() == null || store.count(locked.id(), RegistrationState.REGISTERED) < locked.capacity()) {
            var next = store.firstWaiting(locked.id());
            if (next.isEmpty()) {
                break;
            }
            store.setState(next.get().id(), RegistrationState.REGISTERED, now);
            events.publishEvent(new WaitlistPromoted(locked.communityId(), locked.id(), next.get().accountId(), locked.title(), now));
            seated(locked, next.get().accountId(), now);
            promoted++;
        }
        return promoted;
    }

    void seated(EventStore.EventRow event, long accountId, OffsetDateTime now) {
        events.publishEvent(new EventRegistered(event.communityId(), event.id(), accountId, now));
    }
}
