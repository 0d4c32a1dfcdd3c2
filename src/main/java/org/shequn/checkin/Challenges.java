package org.shequn.checkin;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.shequn.checkin.ChallengeCalendar.Frequency;
import org.shequn.checkin.ChallengeStore.ChallengeRow;
import org.shequn.checkin.view.ChallengeEditor;
import org.shequn.checkin.view.ChallengeForm;
import org.shequn.checkin.view.ChallengeList;
import org.shequn.checkin.view.ChallengeView;
import org.shequn.membership.Standing;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.Markdown;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-in challenges (打卡): the owner and admins create, edit and close them; members list and read them. A
 * challenge's rules are judged whole before anything is written: a known zone, an end not before the start, at
 * most {@value ChallengeDraft#LONGEST_DAYS} days, at least one challenge day, windows in order.
 */
@Service
public class Challenges {

    private final CheckInAccess access;
    private final ChallengeStore store;
    private final CheckInStore checkIns;
    private final Validation validation;
    private final Markdown markdown;
    private final Clock clock;
    private final org.shequn.membership.Scopes scopes;

    Challenges(CheckInAccess access, ChallengeStore store, CheckInStore checkIns, Validation validation,
               Markdown markdown, Clock clock, org.shequn.membership.Scopes scopes) {
        this.scopes = scopes;
        this.access = access;
        this.store = store;
        this.checkIns = checkIns;
        this.validation = validation;
        this.markdown = markdown;
        this.clock = clock;
    }

    public List<ChallengeView> list(Viewer viewer, String slug) {
        var seat = access.read(viewer, slug);
        return views(store.ofCommunity(seat.communityId(), org.shequn.membership.Scope.filter(seat, "subgroup_id")));
    }

    /** The challenges page: every challenge, the newest first. */
    public ChallengeList listPage(Viewer viewer, String slug) {
        var seat = access.read(viewer, slug);
        var community = seat.community();
        return new ChallengeList(community.slug(), community.name(), community.archived(),
                seat.runs() || seat.leadsSubgroup() && community.governance().leadersRunGroups(),
                views(store.ofCommunity(seat.communityId(), org.shequn.membership.Scope.filter(seat, "subgroup_id"))));
    }

    /** A sub-group's challenges (its page's list): its members and the runners only, else none. */
    public List<org.shequn.membership.GroupItem> ofSubgroup(Viewer viewer, String slug, long subgroupId) {
        var seat = access.read(viewer, slug);
        if (!org.shequn.membership.Scope.of(subgroupId).visibleTo(seat)) {
            return List.of();
        }
        return store.ofSubgroup(seat.communityId(), subgroupId).stream()
                .map(c -> new org.shequn.membership.GroupItem(c.id(), c.title(), "/c/" + seat.community().slug() + "/checkins/" + c.id())).toList();
    }

    /** The form: empty for a new challenge ({@code id} null), else the challenge's settings. */
    public ChallengeEditor editor(Viewer viewer, String slug, Long id) {
        var seat = access.plannerWrite(viewer, slug);
        if (id != null) {
            CheckInAccess.requireRuns(seat, found(seat, id));
        } else {
            seat.requireWritable();
        }
        if (id == null) {
            var today = LocalDate.now(clock.withZone(ZoneId.of(ChallengeDraft.DEFAULT_ZONE)));
            return editor(seat, null, new ChallengeForm("", "", today.toString(), today.plusDays(20).toString(), "DAILY",
                    List.of("1", "2", "3", "4", "5"), "", ChallengeDraft.DEFAULT_ZONE, "0", "", "", "0", "WEEK", "", "", ""));
        }
        var row = open(seat, id);
        var c = row.calendar();
        return editor(seat, id, new ChallengeForm(row.title(), row.rules(), c.startsOn().toString(), c.endsOn().toString(),
                c.frequency().name(), c.weekdays().stream().sorted().map(d -> String.valueOf(d.getValue())).toList(),
                String.join("\n", c.dates().stream().map(LocalDate::toString).toList()), c.zone().getId(),
                String.valueOf(c.dayStartHour()), c.onTimeUntil() == null ? "" : c.onTimeUntil().toString(),
                c.lateUntil() == null ? "" : c.lateUntil().toString(), String.valueOf(row.makeUpQuota()),
                row.makeUpPer().name(), row.remindAt() == null ? "" : row.remindAt().toString(),
                row.nudgeAt() == null ? "" : row.nudgeAt().toString(),
                row.subgroupId() == null ? "" : row.subgroupId().toString()));
    }

    /** The form again after a refusal, with what was typed. */
    public ChallengeEditor editor(Viewer viewer, String slug, Long id, ChallengeForm typed) {
        var seat = access.plannerWrite(viewer, slug);
        if (id != null) {
            CheckInAccess.requireRuns(seat, found(seat, id));
        }
        return editor(seat, id, typed);
    }

    private ChallengeEditor editor(Standing seat, Long id, ChallengeForm form) {
        return new ChallengeEditor(seat.community().slug(), seat.community().name(), id, form,
                id == null ? scopes.ledChoices(seat) : List.of());
    }

    public ChallengeView get(Viewer viewer, String slug, long id) {
        return view(found(access.read(viewer, slug), id));
    }

    @Transactional
    public ChallengeView create(Viewer viewer, String slug, ChallengeDraft draft) {
        var seat = access.creatorWrite(viewer, slug, draft == null ? null : draft.subgroupId());
        var calendar = judge(draft);
        var scope = scopes.choose(seat, draft.subgroupId(), "subgroupId");
        long id = store.insert(seat.communityId(), seat.accountId(), draft.cleanTitle(), draft.cleanRules(), calendar,
                draft.quota(), draft.per(), draft.remindAt(), draft.nudgeAt(), now(), scope.subgroupId());
        return view(found(seat, id));
    }

    /** Changes its rules; days already checked in keep the standing they were given. */
    @Transactional
    public ChallengeView edit(Viewer viewer, String slug, long id, ChallengeDraft draft) {
        var seat = access.plannerWrite(viewer, slug);
        CheckInAccess.requireRuns(seat, found(seat, id));
        var row = open(seat, id);
        var calendar = judge(draft);
        store.edit(row.id(), draft.cleanTitle(), draft.cleanRules(), calendar, draft.quota(), draft.per(),
                draft.remindAt(), draft.nudgeAt(), now());
        return view(found(seat, id));
    }

    /** Ends it for good: no more check-ins; its leaderboard and check-ins stay. */
    @Transactional
    public ChallengeView close(Viewer viewer, String slug, long id) {
        var seat = access.plannerWrite(viewer, slug);
        CheckInAccess.requireRuns(seat, found(seat, id));
        var row = open(seat, id);
        store.close(row.id(), seat.accountId(), now());
        return view(found(seat, id));
    }

    /** The draft's days and windows, or every problem with them at once. */
    ChallengeCalendar judge(ChallengeDraft draft) {
        validation.check(draft == null ? new ChallengeDraft(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null) : draft);
        var problems = new ArrayList<Rejection.FieldProblem>();
        ZoneId zone = null;
        if (!ZoneId.getAvailableZoneIds().contains(draft.zoneOrDefault())) {
            problems.add(new Rejection.FieldProblem("zone", "checkin.zone.unknown"));
        } else {
            zone = ZoneId.of(draft.zoneOrDefault());
        }
        if (draft.endsOn().isBefore(draft.startsOn())) {
            problems.add(new Rejection.FieldProblem("endsOn", "checkin.endsOn.beforeStart"));
        } else if (draft.startsOn().plusDays(ChallengeDraft.LONGEST_DAYS).isBefore(draft.endsOn())) {
            problems.add(new Rejection.FieldProblem("endsOn", "checkin.endsOn.tooLong", ChallengeDraft.LONGEST_DAYS));
        }
        var weekdays = draft.frequency() == Frequency.WEEKDAYS && draft.weekdays() != null
                ? new java.util.HashSet<DayOfWeek>(draft.weekdays()) : java.util.Set.<DayOfWeek>of();
        var dates = draft.frequency() == Frequency.DATES && draft.dates() != null
                ? new TreeSet<LocalDate>(draft.dates()) : new TreeSet<LocalDate>();
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems);
        }
        var calendar = new ChallengeCalendar(draft.startsOn(), draft.endsOn(), draft.frequency(), weekdays, dates, zone,
                draft.dayStart(), draft.onTimeUntil(), draft.lateUntil());
        if (draft.frequency() == Frequency.DATES && !dates.isEmpty()
                && (dates.first().isBefore(draft.startsOn()) || dates.last().isAfter(draft.endsOn()))) {
            problems.add(new Rejection.FieldProblem("dates", "checkin.dates.outside"));
        }
        if (calendar.days().isEmpty()) {
            problems.add(new Rejection.FieldProblem(switch (draft.frequency()) {
                case DAILY -> "endsOn";
                case WEEKDAYS -> "weekdays";
                case DATES -> "dates";
            }, "checkin.noDays"));
        }
        if (!calendar.windowsInOrder()) {
            problems.add(new Rejection.FieldProblem("lateUntil", "checkin.lateUntil.beforeOnTime"));
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems);
        }
        return calendar;
    }

    ChallengeRow found(Standing seat, long id) {
        // a sub-group's challenge is its members' and the runners': anyone else is told there is no such challenge
        return store.byId(seat.communityId(), id).filter(c -> c.scope().visibleTo(seat))
                .orElseThrow(() -> Rejection.notFound("checkin.challenge.notFound"));
    }

    /** One that still takes changes and check-ins. */
    ChallengeRow open(Standing seat, long id) {
        var row = found(seat, id);
        if (row.closed()) {
            throw Rejection.conflict("checkin.challenge.closed");
        }
        return row;
    }

    /** The challenges of one community, their groups' names read once. */
    private List<ChallengeView> views(List<ChallengeRow> rows) {
        var names = rows.stream().anyMatch(r -> r.subgroupId() != null)
                ? scopes.names(rows.getFirst().communityId()) : java.util.Map.<Long, String>of();
        return rows.stream().map(r -> view(r, names)).toList();
    }

    ChallengeView view(ChallengeRow row) {
        return view(row, row.subgroupId() == null ? java.util.Map.of() : scopes.names(row.communityId()));
    }

    private ChallengeView view(ChallengeRow row, java.util.Map<Long, String> groupNames) {
        var c = row.calendar();
        var today = c.dayOf(clock.instant());
        return new ChallengeView(row.id(), row.title(), row.rules(), markdown.toSafeHtml(row.rules()), c.startsOn(),
                c.endsOn(), c.frequency().name(), c.weekdays().stream().sorted().toList(), List.copyOf(c.dates()),
                c.zone().getId(), c.dayStartHour(), c.onTimeUntil(), c.lateUntil(), row.makeUpQuota(),
                row.makeUpPer().name(), row.remindAt(), row.nudgeAt(), row.closed(), today, c.isChallengeDay(today),
                checkIns.countOfDay(row.id(), today), c.days().size(),
                org.shequn.membership.Scopes.label(groupNames, row.subgroupId()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
