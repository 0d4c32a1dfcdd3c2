package org.shequn.event;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shequn.event.view.EventEditor;
import org.shequn.event.view.EventList;
import org.shequn.event.view.EventPage;
import org.shequn.event.view.EventView;
import org.shequn.event.view.FeedbackView;
import org.shequn.event.view.Guest;
import org.shequn.event.view.GuestList;
import org.shequn.event.view.MyRegistration;
import org.shequn.membership.Memberships;
import org.shequn.membership.Standing;
import org.shequn.profile.ProfileCard;
import org.shequn.profile.Profiles;
import org.shequn.shared.PublicUrls;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.Markdown;
import org.springframework.stereotype.Service;

/** What members read of events: the list, one event with their registration, and for staff the guest list. */
@Service
public class Events {

    private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final int EDITOR_MEMBERS = 300;

    private final EventAccess access;
    private final EventStore store;
    private final Memberships memberships;
    private final Profiles profiles;
    private final Markdown markdown;
    private final PublicUrls urls;
    private final Clock clock;
    private final org.shequn.membership.Scopes scopes;

    Events(EventAccess access, EventStore store, Memberships memberships, Profiles profiles, Markdown markdown,
           PublicUrls urls, Clock clock, org.shequn.membership.Scopes scopes) {
        this.scopes = scopes;
        this.access = access;
        this.store = store;
        this.memberships = memberships;
        this.profiles = profiles;
        this.markdown = markdown;
        this.urls = urls;
        this.clock = clock;
    }

    public EventList list(Viewer viewer, String slug) {
        var seat = access.read(viewer, slug);
        var now = now();
        var community = seat.community();
        return new EventList(community.slug(), community.name(), community.archived(), seat.runs(),
                (seat.runs() || seat.leadsSubgroup() && community.governance().leadersRunGroups()) && !community.archived(),
                views(seat, store.list(seat.communityId(), true, now, audience(seat)), now),
                views(seat, store.list(seat.communityId(), false, now, audience(seat)), now));
    }

    /** A sub-group's events only for its members and the runners. */
    private static String audience(Standing seat) {
        return org.shequn.membership.Scope.filter(seat, "subgroup_id");
    }

    /** A sub-group's events (its page's list): its members and the runners only, else none. */
    public List<org.shequn.membership.GroupItem> ofSubgroup(Viewer viewer, String slug, long subgroupId) {
        var seat = access.read(viewer, slug);
        if (!org.shequn.membership.Scope.of(subgroupId).visibleTo(seat)) {
            return List.of();
        }
        return store.ofSubgroup(seat.communityId(), subgroupId).stream()
                .map(e -> new org.shequn.membership.GroupItem(e.id(), e.title(), "/c/" + seat.community().slug() + "/events/" + e.id())).toList();
    }

    public EventView get(Viewer viewer, String slug, long id) {
        var seat = access.read(viewer, slug);
        return view(seat, access.event(seat, id), now());
    }

    public EventPage page(Viewer viewer, String slug, long id) {
        var seat = access.read(viewer, slug);
        var community = seat.community();
        return new EventPage(community.slug(), community.name(), community.archived(), view(seat, access.event(seat, id), now()));
    }

    /** The guest list with attendance: staff only. */
    public GuestList guests(Viewer viewer, String slug, long id) {
        var seat = access.staffRead(viewer, slug, id);
        var event = access.event(seat, id);
        var now = now();
        var rows = store.registrations(event.id());
        var names = names(rows.stream().flatMap(r -> r.checkedInBy() == null ? java.util.stream.Stream.of(r.accountId())
                : java.util.stream.Stream.of(r.accountId(), r.checkedInBy())).collect(Collectors.toSet()));
        var guests = new ArrayList<Guest>();
        int position = 0;
        int attended = 0;
        int noShows = 0;
        for (var r : rows) {
            Integer place = r.state() == RegistrationState.WAITLISTED ? ++position : null;
            boolean noShow = r.state() == RegistrationState.REGISTERED && r.checkedInAt() == null && event.ended(now);
            attended += r.checkedInAt() != null ? 1 : 0;
            noShows += noShow ? 1 : 0;
            guests.add(new Guest(r.id(), r.accountId(), names.getOrDefault(r.accountId(), "?"), r.state().name(),
                    r.answers(), r.registeredAt(), place, r.checkedInAt(),
                    r.checkedInBy() == null ? null : names.getOrDefault(r.checkedInBy(), "?"), noShow));
        }
        var feedback = store.feedback(event.id());
        var feedbackNames = names(feedback.stream().map(EventStore.Feedback::accountId).toList());
        var community = seat.community();
        return new GuestList(community.slug(), community.name(), view(seat, event, now), event.questions(),
                List.copyOf(guests), count(rows, RegistrationState.REGISTERED), count(rows, RegistrationState.WAITLISTED),
                count(rows, RegistrationState.PENDING), attended, noShows, seat.runs(),
                feedback.stream().map(f -> new FeedbackView(f.accountId(), feedbackNames.getOrDefault(f.accountId(), "?"),
                        f.rating(), f.comment(), f.createdAt())).toList(),
                feedback.isEmpty() ? null : feedback.stream().mapToInt(EventStore.Feedback::rating).average().orElse(0));
    }

    public EventEditor editor(Viewer viewer, String slug) {
        return editor(viewer, slug, (Long) null);
    }

    /** The new event's form, for the runners, or a sub-group's leader (by sub-group) with their group chosen. */
    public EventEditor editor(Viewer viewer, String slug, Long subgroupId) {
        var seat = access.read(viewer, slug);
        var choices = scopes.ledChoices(seat);
        if (!seat.runs() && choices.isEmpty()) {
            throw org.shequn.shared.Rejection.forbidden("event.runnersOnly");
        }
        seat.requireWritable();
        var chosen = subgroupId != null && choices.stream().anyMatch(c -> c.id() == subgroupId) ? subgroupId.toString()
                : seat.runs() ? "" : String.valueOf(choices.getFirst().id());
        return new EventEditor(seat.community().slug(), seat.community().name(), null, "", "", "OFFLINE", "", "",
                EventDraft.DEFAULT_ZONE, "", "", "", "", "", "", false, "", "0", "", members(seat),
                EventDraft.TITLE_MAX, EventDraft.DESCRIPTION_MAX, choices, chosen);
    }

    public EventEditor editor(Viewer viewer, String slug, long id) {
        var seat = access.plannerWrite(viewer, slug, id);
        var e = access.event(seat, id);
        var zone = java.time.ZoneId.of(e.zone());
        return new EventEditor(seat.community().slug(), seat.community().name(), e.id(), e.title(), e.description(),
                e.kind().name(), FORM_TIME.format(e.startsLocal()), FORM_TIME.format(e.endsLocal()), e.zone(),
                orEmpty(e.place()), orEmpty(e.mapUrl()), orEmpty(e.onlineUrl()),
                e.linkReleasedAt() == null ? "" : FORM_TIME.format(e.linkReleasedAt().atZoneSameInstant(zone)),
                e.speakerId() == null ? "" : e.speakerId().toString(),
                e.capacity() == null ? "" : e.capacity().toString(), e.approval(), String.join("\n", e.questions()),
                Integer.toString(e.cancelHours()),
                store.helpers(e.id()).stream().map(String::valueOf).collect(Collectors.joining(",")), members(seat),
                EventDraft.TITLE_MAX, EventDraft.DESCRIPTION_MAX, List.of(),
                e.subgroupId() == null ? "" : e.subgroupId().toString());
    }

    /** The form again after a refusal, with what was typed. */
    public EventEditor editor(Viewer viewer, String slug, Long id, EventEditor typed) {
        var seat = id == null ? access.read(viewer, slug) : access.plannerWrite(viewer, slug, id);
        return new EventEditor(seat.community().slug(), seat.community().name(), id, typed.title(), typed.description(),
                typed.kind(), typed.start(), typed.end(), typed.zone(), typed.place(), typed.mapUrl(), typed.onlineUrl(),
                typed.linkReleasedAt(), typed.speakerId(), typed.capacity(), typed.approval(), typed.questions(),
                typed.cancelHours(), typed.helperIds(), members(seat), EventDraft.TITLE_MAX, EventDraft.DESCRIPTION_MAX,
                id == null ? scopes.ledChoices(seat) : List.of(), typed.subgroupId());
    }

    /**
     * What the views of several events read, once for all of them: registrations by state, the viewer's registration
     * and feedback, helpers, speakers' names and the groups' names.
     */
    private record Facts(Map<Long, Map<RegistrationState, Integer>> counts, Map<Long, EventStore.RegistrationRow> mine,
                         java.util.Set<Long> withMyFeedback, Map<Long, List<Long>> helpers, Map<Long, ProfileCard> speakers,
                         Map<Long, String> groupNames) {

        int count(long eventId, RegistrationState state) {
            return counts.getOrDefault(eventId, Map.of()).getOrDefault(state, 0);
        }
    }

    private Facts facts(Standing seat, List<EventStore.EventRow> events) {
        var ids = events.stream().map(EventStore.EventRow::id).toList();
        var speakerIds = events.stream().map(EventStore.EventRow::speakerId).filter(java.util.Objects::nonNull).distinct().toList();
        boolean scoped = events.stream().anyMatch(e -> e.subgroupId() != null);
        return new Facts(store.counts(ids),
                seat.signedIn() ? store.registrationsOf(seat.accountId(), ids) : Map.of(),
                seat.signedIn() ? store.withFeedbackBy(seat.accountId(), ids) : java.util.Set.of(),
                store.helpers(ids), speakerIds.isEmpty() ? Map.of() : profiles.findAll(speakerIds),
                scoped ? scopes.names(seat.communityId()) : Map.of());
    }

    /** A list's views: a handful of statements for the whole list, not several per event. */
    private List<EventView> views(Standing seat, List<EventStore.EventRow> events, OffsetDateTime now) {
        var facts = facts(seat, events);
        return events.stream().map(e -> view(seat, e, now, facts)).toList();
    }

    EventView view(Standing seat, EventStore.EventRow e, OffsetDateTime now) {
        return view(seat, e, now, facts(seat, List.of(e)));
    }

    private EventView view(Standing seat, EventStore.EventRow e, OffsetDateTime now, Facts facts) {
        var mine = facts.mine().get(e.id());
        var helpers = facts.helpers().getOrDefault(e.id(), List.of());
        boolean leads = e.scope().ledBy(seat);
        boolean staff = seat.runs() || helpers.contains(seat.accountId()) || leads;
        int registered = facts.count(e.id(), RegistrationState.REGISTERED);
        boolean holdsSeat = mine != null && mine.state() == RegistrationState.REGISTERED;
        boolean released = holdsSeat && (e.linkReleasedAt() == null || !now.isBefore(e.linkReleasedAt()));
        boolean started = !e.startsAt().isAfter(now);
        boolean active = mine != null && mine.state().active();
        boolean writable = !seat.community().archived();
        boolean mayCancel = writable && active && !e.cancelled()
                && (mine.state() != RegistrationState.REGISTERED || now.isBefore(e.cancelUntil()));
        boolean mayFeedback = writable && mine != null && mine.checkedInAt() != null && started;
        var speakerCard = e.speakerId() == null ? null : facts.speakers().get(e.speakerId());
        String speaker = e.speakerId() == null ? null : speakerCard == null ? "?" : speakerCard.displayName();
        return new EventView(e.id(), seat.community().slug(), e.title(), e.description(), markdown.toSafeHtml(e.description()),
                e.kind().name(), e.zone(), e.startsLocal(), e.endsLocal(), e.startsAt(), e.endsAt(), e.place(), e.mapUrl(),
                e.onlineUrl() != null, released || staff ? e.onlineUrl() : null, e.linkReleasedAt(), e.speakerId(), speaker,
                e.capacity(), registered, facts.count(e.id(), RegistrationState.WAITLISTED),
                facts.count(e.id(), RegistrationState.PENDING), e.approval(), e.questions(), e.cancelHours(),
                e.cancelUntil(), e.cancelled(), e.ended(now), started, staff ? helpers : List.of(),
                mine == null ? null : mine(e, mine, facts.withMyFeedback().contains(e.id())),
                writable && !active && !e.cancelled() && !started && e.scope().takingPartBy(seat), mayCancel, staff,
                seat.runs() || leads, org.shequn.membership.Scopes.label(facts.groupNames(), e.subgroupId()),
                mayFeedback && !facts.withMyFeedback().contains(e.id()));
    }

    private MyRegistration mine(EventStore.EventRow e, EventStore.RegistrationRow r, boolean feedback) {
        Integer position = null;
        if (r.state() == RegistrationState.WAITLISTED) {
            var waiting = store.registrations(e.id()).stream().filter(x -> x.state() == RegistrationState.WAITLISTED).toList();
            for (int i = 0; i < waiting.size(); i++) {
                if (waiting.get(i).id() == r.id()) {
                    position = i + 1;
                }
            }
        }
        return new MyRegistration(r.state().name(), r.answers(), position,
                r.state() == RegistrationState.REGISTERED ? ticketUrl(r.ticket()) : null, r.registeredAt(),
                r.checkedInAt(), feedback);
    }

    String ticketUrl(String ticket) {
        return urls.of("/tickets/" + ticket);
    }

    /** The viewer's ticket link while they hold a seat: what their QR code encodes. */
    public String ticketLink(Viewer viewer, String slug, long id) {
        var seat = access.read(viewer, slug);
        var e = access.event(seat, id);
        return store.registration(e.id(), seat.accountId())
                .filter(r -> r.state() == RegistrationState.REGISTERED)
                .map(r -> ticketUrl(r.ticket()))
                .orElseThrow(() -> org.shequn.shared.Rejection.notFound("event.ticket.none"));
    }

    private List<EventEditor.Member> members(Standing seat) {
        var ids = memberships.membersOf(seat.communityId(), 0, EDITOR_MEMBERS);
        var cards = profiles.findAll(ids);
        return ids.stream().map(id -> new EventEditor.Member(id, cards.containsKey(id) ? cards.get(id).displayName() : "?"))
                .toList();
    }

    Map<Long, String> names(java.util.Collection<Long> ids) {
        return profiles.findAll(new HashSet<>(ids)).values().stream()
                .collect(Collectors.toMap(ProfileCard::accountId, ProfileCard::displayName));
    }

    private static int count(List<EventStore.RegistrationRow> rows, RegistrationState state) {
        return (int) rows.stream().filter(r -> r.state() == state).count();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
