package org.shequn.event;

import java.time.OffsetDateTime;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.Standing;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * The membership gate's refusals in event words: members see and register, the owner and admins plan, and staff
 * (the owner, admins and the event's named helpers) work the door. Nothing is written in an archived community.
 */
@Component
class EventAccess {

    private final CommunityGate gate;
    private final EventStore store;

    EventAccess(CommunityGate gate, EventStore store) {
        this.gate = gate;
        this.store = store;
    }

    Standing read(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireMember("event.membersOnly");
    }

    Standing write(Viewer viewer, String slug) {
        return read(viewer, slug).requireWritable();
    }

    Standing runnerRead(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireRunner("event.runnersOnly");
    }

    Standing runnerWrite(Viewer viewer, String slug) {
        return runnerRead(viewer, slug).requireWritable();
    }

    /**
     * The event's row; a community's events are its members' (a wrong id is "no such event"), a sub-group's only
     * its members' and the runners' (anyone else is told the same: no such event).
     */
    EventStore.EventRow event(Standing seat, long id) {
        return store.byId(seat.communityId(), id).filter(e -> e.scope().visibleTo(seat))
                .orElseThrow(() -> Rejection.notFound("event.notFound"));
    }

    boolean staff(Standing seat, long eventId) {
        return seat.runs() || (seat.member() && store.helps(eventId, seat.accountId()))
                || store.byId(seat.communityId(), eventId).filter(e -> e.scope().ledBy(seat)).isPresent();
    }

    /**
     * Who plans this event (edit, cancel, approve): the owner and admins, who pass before it is looked up; and when
     * the community goes by sub-group, the leader of the group it is for, known only from the event. Anyone else:
     * 403 before the lookup, as before.
     */
    Standing plannerWrite(Viewer viewer, String slug, long eventId) {
        var seat = read(viewer, slug);
        if (seat.runs()) {
            return seat.requireWritable();
        }
        if (!seat.leadsSubgroup() || !seat.community().governance().leadersRunGroups()) {
            throw Rejection.forbidden("event.runnersOnly");
        }
        if (!event(seat, eventId).scope().ledBy(seat)) {
            throw Rejection.forbidden("event.runnersOnly");
        }
        return seat.requireWritable();
    }

    /** Who may create an event for {@code scope}: the runners, or the group's leader (by sub-group). */
    Standing creatorWrite(Viewer viewer, String slug, Long subgroupId) {
        var seat = read(viewer, slug);
        if (!seat.runs() && !org.shequn.membership.Scope.of(subgroupId).ledBy(seat)) {
            throw Rejection.forbidden("event.runnersOnly");
        }
        return seat.requireWritable();
    }

    /**
     * Staff of this event: the guest list. The owner and admins pass before the event is looked up (the gate's
     * order: a missing event is a 404 after the role checks); a helper is known only from the event.
     */
    Standing staffRead(Viewer viewer, String slug, long eventId) {
        var seat = read(viewer, slug);
        if (!seat.runs() && !store.helps(event(seat, eventId).id(), seat.accountId())
                && !event(seat, eventId).scope().ledBy(seat)) {
            throw Rejection.forbidden("event.staffOnly");
        }
        return seat;
    }

    /** The door: staff, then a community that takes writes. */
    Standing staffWrite(Viewer viewer, String slug, long eventId) {
        return staffRead(viewer, slug, eventId).requireWritable();
    }

    static OffsetDateTime now(java.time.Clock clock) {
        return OffsetDateTime.now(clock);
    }
}
