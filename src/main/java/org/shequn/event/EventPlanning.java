package org.shequn.event;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.shequn.event.view.EventView;
import org.shequn.membership.Memberships;
import org.shequn.membership.Scopes;
import org.shequn.membership.Standing;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the owner and admins do with events: create, edit, cancel, and approve or refuse registrations when the
 * event asks for approval. Each checks who may act, then the input, then writes; a refusal writes nothing.
 */
@Service
public class EventPlanning {

    private final EventAccess access;
    private final EventStore store;
    private final Seating seating;
    private final Events events;
    private final Memberships memberships;
    private final Validation validation;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Scopes scopes;

    EventPlanning(EventAccess access, EventStore store, Seating seating, Events events, Memberships memberships,
                  Validation validation, ApplicationEventPublisher publisher, Clock clock, Scopes scopes) {
        this.scopes = scopes;
        this.access = access;
        this.store = store;
        this.seating = seating;
        this.events = events;
        this.memberships = memberships;
        this.validation = validation;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    public EventView create(Viewer viewer, String slug, EventDraft draft) {
        var seat = access.creatorWrite(viewer, slug, draft == null ? null : draft.subgroupId());
        var now = now();
        var fields = fields(seat, draft);
        var scope = scopes.choose(seat, draft.subgroupId(), "subgroupId");
        if (!fields.startsAt().isAfter(now)) {
            throw Rejection.invalid("start", "event.start.past");
        }
        long id = store.insert(seat.communityId(), fields, seat.accountId(), now, scope.subgroupId());
        store.replaceHelpers(id, helpers(seat, draft));
        return events.view(seat, access.event(seat, id), now);
    }

    /**
     * Edits it; the capacity may not go below the seats already taken, and a larger one moves the waitlist up
     * at once (under the event's lock, like every change of seats).
     */
    @Transactional
    public EventView edit(Viewer viewer, String slug, long id, EventDraft draft) {
        var seat = access.plannerWrite(viewer, slug, id);
        var event = store.lock(access.event(seat, id).id());
        if (event.cancelled()) {
            throw Rejection.conflict("event.cancelled");
        }
        var now = now();
        var fields = fields(seat, draft);
        if (!fields.startsAt().equals(event.startsAt()) && !fields.startsAt().isAfter(now)) {
            throw Rejection.invalid("start", "event.start.past");
        }
        int registered = store.count(event.id(), RegistrationState.REGISTERED);
        if (fields.capacity() != null && fields.capacity() < registered) {
            throw Rejection.invalid("capacity", "event.capacity.belowRegistered", registered);
        }
        var helpers = helpers(seat, draft);
        store.update(event.id(), fields, now);
        store.replaceHelpers(event.id(), helpers);
        seating.promote(store.lock(event.id()), now);
        return events.view(seat, access.event(seat, id), now);
    }

    /** Calls it off: everyone registered or waiting is told; their registrations stay, for the record. */
    @Transactional
    public void cancel(Viewer viewer, String slug, long id) {
        var seat = access.plannerWrite(viewer, slug, id);
        var event = store.lock(access.event(seat, id).id());
        if (store.cancel(event.id(), seat.accountId(), now()) == 0) {
            throw Rejection.conflict("event.cancelled");
        }
        var guests = store.guests(event.id(), List.of(RegistrationState.REGISTERED, RegistrationState.WAITLISTED,
                RegistrationState.PENDING));
        publisher.publishEvent(new EventCancelled(event.communityId(), event.id(), event.title(), seat.accountId(), guests));
    }

    /** A pending registration approved: a seat if one is free, else the waitlist. */
    @Transactional
    public RegistrationState approve(Viewer viewer, String slug, long id, long registrationId) {
        var seat = access.plannerWrite(viewer, slug, id);
        var event = store.lock(access.event(seat, id).id());
        var registration = pending(event, registrationId);
        var state = seating.seatFor(event);
        var now = now();
        store.setState(registration.id(), state, now);
        if (state == RegistrationState.REGISTERED) {
            seating.seated(event, registration.accountId(), now);
        }
        publisher.publishEvent(new RegistrationDecided(event.communityId(), event.id(), event.title(),
                registration.accountId(), seat.accountId(), state));
        return state;
    }

    /** Refuses a pending (or waiting) registration. */
    @Transactional
    public void refuse(Viewer viewer, String slug, long id, long registrationId) {
        var seat = access.plannerWrite(viewer, slug, id);
        var event = store.lock(access.event(seat, id).id());
        var registration = store.registrationById(event.id(), registrationId)
                .orElseThrow(() -> Rejection.notFound("event.registration.notFound"));
        if (registration.state() != RegistrationState.PENDING && registration.state() != RegistrationState.WAITLISTED) {
            throw Rejection.conflict("event.registration.notPending");
        }
        store.setState(registration.id(), RegistrationState.REFUSED, now());
        publisher.publishEvent(new RegistrationDecided(event.communityId(), event.id(), event.title(),
                registration.accountId(), seat.accountId(), RegistrationState.REFUSED));
    }

    private EventStore.RegistrationRow pending(EventStore.EventRow event, long registrationId) {
        var registration = store.registrationById(event.id(), registrationId)
                .orElseThrow(() -> Rejection.notFound("event.registration.notFound"));
        if (registration.state() != RegistrationState.PENDING) {
            throw Rejection.conflict("event.registration.notPending");
        }
        if (event.cancelled()) {
            throw Rejection.conflict("event.cancelled");
        }
        return registration;
    }

    private EventStore.Fields fields(Standing seat, EventDraft draft) {
        validation.check(draft == null ? new EventDraft(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null) : draft);
        var schedule = EventSchedule.of(draft.zoneOrDefault(), draft.start(), draft.end());
        String place = EventDraft.blankToNull(draft.place());
        String map = EventDraft.blankToNull(draft.mapUrl());
        String online = EventDraft.blankToNull(draft.onlineUrl());
        if (draft.kind().needsPlace() && place == null) {
            throw Rejection.invalid("place", "event.place.required");
        }
        if (draft.kind().needsLink() && online == null) {
            throw Rejection.invalid("onlineUrl", "event.onlineUrl.required");
        }
        if (!draft.kind().needsLink()) {
            online = null;
        }
        var releaseText = EventDraft.blankToNull(draft.linkReleasedAt());
        OffsetDateTime release = releaseText == null || online == null ? null
                : schedule.at(EventSchedule.local("linkReleasedAt", releaseText));
        if (draft.speakerId() != null && memberships.roleOf(seat.communityId(), draft.speakerId()).isEmpty()) {
            throw Rejection.invalid("speakerId", "event.speaker.notMember");
        }
        return new EventStore.Fields(draft.cleanTitle(), draft.cleanDescription(), draft.kind(), schedule.zone().getId(),
                schedule.startLocal(), schedule.endLocal(), schedule.startsAt(), schedule.endsAt(),
                draft.kind().needsPlace() ? place : null, draft.kind().needsPlace() ? map : null, online, release,
                draft.speakerId(), draft.capacity(), Boolean.TRUE.equals(draft.approval()), draft.cleanQuestions(),
                draft.cancelHours() == null ? 0 : draft.cancelHours());
    }

    private List<Long> helpers(Standing seat, EventDraft draft) {
        var ids = draft.helperIds() == null ? List.<Long>of() : draft.helperIds();
        for (var id : ids) {
            if (id == null || memberships.roleOf(seat.communityId(), id).isEmpty()) {
                throw Rejection.invalid("helperIds", "event.helper.notMember");
            }
        }
        return ids;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
