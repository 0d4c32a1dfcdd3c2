package org.shequn.event;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.shequn.community.Communities;
import org.shequn.event.view.DoorCheck;
import org.shequn.membership.CommunityGate;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door: staff (the owner, admins, the event's helpers) open a guest's ticket link and the guest is checked in
 * once. Anyone else who opens it checks nobody in: its own guest sees their ticket, others a refusal that names
 * neither the guest nor the event. A forged ticket is unknown; a ticket for another event than the door's is
 * refused; a second use shows when and by whom it was used.
 */
@Service
public class DoorCheckIn {

    private final EventAccess access;
    private final EventStore store;
    private final CommunityGate gate;
    private final Communities communities;
    private final Events events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    DoorCheckIn(EventAccess access, EventStore store, CommunityGate gate, Communities communities, Events events,
                ApplicationEventPublisher publisher, Clock clock) {
        this.access = access;
        this.store = store;
        this.gate = gate;
        this.communities = communities;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * A ticket link opened (the door page): {@code doorEventId} is the event whose door this staff member is
     * working (they opened its guest list), or null.
     */
    @Transactional
    public DoorCheck open(Viewer viewer, String ticket, Long doorEventId) {
        Viewer.require(viewer);
        var registration = ticket == null ? null : store.byTicket(ticket).orElse(null);
        if (registration == null) {
            return DoorCheck.refused("event.door.unknownTicket");
        }
        var community = communities.find(registration.communityId()).orElse(null);
        if (community == null) {
            return DoorCheck.refused("event.door.unknownTicket");
        }
        var seat = gate.of(viewer, community.slug());
        var event = store.byId(registration.communityId(), registration.eventId()).orElseThrow();
        boolean staff = seat.member() && (seat.runs() || store.helps(event.id(), seat.accountId())
                || event.scope().ledBy(seat));
        if (!staff) {
            if (registration.accountId() == viewer.accountId()) {
                return new DoorCheck(DoorCheck.Outcome.OWN_TICKET, null, community.slug(), event.id(), event.title(),
                        viewer.displayName(), registration.checkedInAt(), null);
            }
            return DoorCheck.refused("event.door.notStaff");
        }
        if (doorEventId != null && doorEventId != event.id()) {
            return refused("event.door.otherEvent", community.slug(), event, registration);
        }
        if (community.archived()) {
            return refused("community.archived", community.slug(), event, registration);
        }
        return check(event, registration, seat.accountId(), community.slug());
    }

    /**
     * The API's check-in at one event's door. Only a first valid check-in answers (200); a forged ticket is a 404,
     * one for another event, a second use (its message says when and by whom) and every other refusal a 409.
     */
    @Transactional
    public DoorCheck checkIn(Viewer viewer, String slug, long eventId, String ticket) {
        var seat = access.staffWrite(viewer, slug, eventId);
        var event = access.event(seat, eventId);
        var registration = (ticket == null ? java.util.Optional.<EventStore.RegistrationRow>empty() : store.byTicket(ticket.strip()))
                .orElseThrow(() -> Rejection.notFound("event.door.unknownTicket"));
        if (registration.eventId() != event.id()) {
            throw Rejection.conflict("event.door.otherEvent");
        }
        var result = check(event, registration, seat.accountId(), slug);
        return switch (result.outcome()) {
            case REFUSED -> throw Rejection.conflict(result.reasonKey());
            case ALREADY_USED -> throw Rejection.conflict("event.door.used", Times.format(result.at(), event.zone()),
                    result.byName());
            default -> result;
        };
    }

    DoorCheck check(EventStore.EventRow event, EventStore.RegistrationRow registration, long staffId, String slug) {
        if (event.cancelled()) {
            return refused("event.door.eventCancelled", slug, event, registration);
        }
        switch (registration.state()) {
            case WAITLISTED -> {
                return refused("event.door.waitlisted", slug, event, registration);
            }
            case CANCELLED -> {
                return refused("event.door.registrationCancelled", slug, event, registration);
            }
            case PENDING, REFUSED -> {
                return refused("event.door.notRegistered", slug, event, registration);
            }
            default -> {
            }
        }
        var now = OffsetDateTime.now(clock);
        var zone = ZoneId.of(event.zone());
        var today = now.atZoneSameInstant(zone).toLocalDate();
        if (today.isBefore(event.startsLocal().toLocalDate()) || today.isAfter(event.endsLocal().toLocalDate())) {
            return refused("event.door.wrongDay", slug, event, registration);
        }
        if (store.checkIn(registration.id(), staffId, now) == 1) {
            publisher.publishEvent(new EventAttended(event.communityId(), event.id(), registration.accountId(), staffId, now));
            return outcome(DoorCheck.Outcome.CHECKED_IN, null, slug, event, registration, now, staffId);
        }
        // used already (perhaps a moment ago, at another phone): when and by whom
        var used = store.registrationById(event.id(), registration.id()).orElseThrow();
        return outcome(DoorCheck.Outcome.ALREADY_USED, null, slug, event, used, used.checkedInAt(), used.checkedInBy());
    }

    private DoorCheck refused(String reason, String slug, EventStore.EventRow event, EventStore.RegistrationRow r) {
        return outcome(DoorCheck.Outcome.REFUSED, reason, slug, event, r, null, null);
    }

    private DoorCheck outcome(DoorCheck.Outcome outcome, String reason, String slug, EventStore.EventRow event,
                              EventStore.RegistrationRow r, OffsetDateTime at, Long by) {
        var names = events.names(by == null ? java.util.List.of(r.accountId()) : java.util.List.of(r.accountId(), by));
        return new DoorCheck(outcome, reason, slug, event.id(), event.title(), names.getOrDefault(r.accountId(), "?"), at,
                by == null ? null : names.getOrDefault(by, "?"));
    }
}
