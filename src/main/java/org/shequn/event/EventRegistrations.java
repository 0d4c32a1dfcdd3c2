package org.shequn.event;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.shequn.event.view.EventView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.ControlCharacters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's side: register (answering the event's questions), cancel before the cutoff, and afterwards, having
 * attended, leave feedback. Seats change only under the event's row lock (see {@link Seating}).
 */
@Service
public class EventRegistrations {

    public static final int ANSWER_MAX = 200;
    public static final int COMMENT_MAX = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventAccess access;
    private final EventStore store;
    private final Seating seating;
    private final Events events;
    private final org.springframework.context.ApplicationEventPublisher publisher;
    private final Clock clock;

    EventRegistrations(EventAccess access, EventStore store, Seating seating, Events events,
                       org.springframework.context.ApplicationEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.access = access;
        this.store = store;
        this.seating = seating;
        this.events = events;
        this.clock = clock;
    }

    /** Registers the viewer: a seat, the waitlist, or pending approval. Twice, or for a cancelled or started event, is refused. */
    @Transactional
    public EventView register(Viewer viewer, String slug, long id, List<String> answers) {
        var seat = access.write(viewer, slug);
        var event = store.lock(access.event(seat, id).id());
        event.scope().requireTakingPart(seat, "event.notFound");
        var now = now();
        if (event.cancelled()) {
            throw Rejection.conflict("event.cancelled");
        }
        if (!event.startsAt().isAfter(now)) {
            throw Rejection.conflict("event.register.started");
        }
        var cleaned = answers(event, answers);
        var existing = store.registration(event.id(), seat.accountId());
        if (existing.isPresent() && existing.get().state().active()) {
            throw Rejection.conflict("event.register.twice");
        }
        var state = event.approval() ? RegistrationState.PENDING : seating.seatFor(event);
        if (existing.isPresent()) {
            store.renewRegistration(existing.get().id(), state, cleaned, ticket(), now);
        } else {
            store.insertRegistration(event.id(), event.communityId(), seat.accountId(), state, cleaned, ticket(), now);
        }
        if (state == RegistrationState.REGISTERED) {
            seating.seated(event, seat.accountId(), now);
        }
        if (state == RegistrationState.PENDING) {
            publisher.publishEvent(new RegistrationRequested(event.communityId(), event.id(), event.title(), seat.accountId(),
                    event.createdBy()));
        }
        return events.view(seat, event, now);
    }

    /**
     * Cancels the viewer's registration. A seat can be given up until the cutoff; its seat goes to the first on
     * the waitlist in this same transaction. Waiting or pending ones may always withdraw.
     */
    @Transactional
    public EventView cancel(Viewer viewer, String slug, long id) {
        var seat = access.write(viewer, slug);
        var event = store.lock(access.event(seat, id).id());
        var now = now();
        var registration = store.registration(event.id(), seat.accountId())
                .filter(r -> r.state().active())
                .orElseThrow(() -> Rejection.conflict("event.cancel.notRegistered"));
        boolean held = registration.state() == RegistrationState.REGISTERED;
        if (held && !now.isBefore(event.cancelUntil())) {
            throw Rejection.conflict("event.cancel.tooLate", event.cancelHours());
        }
        store.setState(registration.id(), RegistrationState.CANCELLED, now);
        if (held) {
            seating.promote(event, now);
        }
        return events.view(seat, event, now);
    }

    /** An attendee's rating (1–5) and comment, once, after the event started. */
    @Transactional
    public void feedback(Viewer viewer, String slug, long id, Integer rating, String comment) {
        var seat = access.write(viewer, slug);
        var event = access.event(seat, id);
        var now = now();
        var attended = store.registration(event.id(), seat.accountId()).filter(r -> r.checkedInAt() != null);
        if (attended.isEmpty()) {
            // a conflict with the member's own state, not a refusal of who they are
            throw Rejection.conflict("event.feedback.attendeesOnly");
        }
        if (event.startsAt().isAfter(now)) {
            throw Rejection.conflict("event.feedback.notYet");
        }
        if (rating == null || rating < 1 || rating > 5) {
            throw Rejection.invalid("rating", "event.feedback.ratingRange");
        }
        var text = comment == null ? "" : comment.replace("\r\n", "\n").strip();
        if (text.length() > COMMENT_MAX) {
            throw Rejection.invalid("comment", "event.feedback.tooLong", COMMENT_MAX);
        }
        if (ControlCharacters.in(text)) {
            throw Rejection.invalid("comment", "validation.noControlCharacters");
        }
        if (store.addFeedback(event.id(), event.communityId(), seat.accountId(), rating, text, now) == 0) {
            throw Rejection.conflict("event.feedback.twice");
        }
    }

    /** One answer per question, each a single line; checked before anything is locked or written. */
    private static List<String> answers(EventStore.EventRow event, List<String> answers) {
        var given = answers == null ? List.<String>of() : answers;
        var problems = new ArrayList<Rejection.FieldProblem>();
        var cleaned = new ArrayList<String>();
        for (int i = 0; i < event.questions().size(); i++) {
            var answer = i < given.size() && given.get(i) != null ? given.get(i).strip() : "";
            var field = "answers[" + i + "]";
            if (answer.isEmpty()) {
                problems.add(new Rejection.FieldProblem(field, "event.answer.required"));
            } else if (answer.length() > ANSWER_MAX) {
                problems.add(new Rejection.FieldProblem(field, "event.answer.tooLong", ANSWER_MAX));
            } else if (answer.chars().anyMatch(Character::isISOControl)) {
                problems.add(new Rejection.FieldProblem(field, "event.answer.oneLine"));
            }
            cleaned.add(answer);
        }
        if (given.size() > event.questions().size()) {
            problems.add(new Rejection.FieldProblem("answers", "event.answer.tooMany"));
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems);
        }
        return cleaned;
    }

    /** 32 random bytes: the ticket link's secret, which nobody can guess from a registration's id or time. */
    static String ticket() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
