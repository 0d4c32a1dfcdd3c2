package org.shequn.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.shequn.assignment.AssignmentStore.AssignmentRow;
import org.shequn.assignment.view.AssignmentEditor;
import org.shequn.assignment.view.AssignmentForm;
import org.shequn.assignment.view.AssignmentList;
import org.shequn.assignment.view.AssignmentView;
import org.shequn.membership.Memberships;
import org.shequn.membership.Standing;
import org.shequn.profile.Profiles;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.Markdown;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignments (作业): the owner and admins set, edit and close them; members list and read them. A draft is
 * judged whole before anything is written: a known zone, a due time still to come, reviewers who are members.
 */
@Service
public class Assignments {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final int CANDIDATES_SHOWN = 200;

    private final AssignmentAccess access;
    private final AssignmentStore store;
    private final SubmissionStore submissions;
    private final Memberships memberships;
    private final Profiles profiles;
    private final Validation validation;
    private final Markdown markdown;
    private final Clock clock;

    Assignments(AssignmentAccess access, AssignmentStore store, SubmissionStore submissions, Memberships memberships,
                Profiles profiles, Validation validation, Markdown markdown, Clock clock) {
        this.access = access;
        this.store = store;
        this.submissions = submissions;
        this.memberships = memberships;
        this.profiles = profiles;
        this.validation = validation;
        this.markdown = markdown;
        this.clock = clock;
    }

    public List<AssignmentView> list(Viewer viewer, String slug) {
        var seat = access.read(viewer, slug);
        return store.ofCommunity(seat.communityId()).stream().map(this::view).toList();
    }

    public AssignmentList listPage(Viewer viewer, String slug) {
        var seat = access.read(viewer, slug);
        var community = seat.community();
        return new AssignmentList(community.slug(), community.name(), community.archived(), seat.runs(),
                store.ofCommunity(seat.communityId()).stream().map(this::view).toList());
    }

    public AssignmentView get(Viewer viewer, String slug, long id) {
        return view(access.found(access.read(viewer, slug), id));
    }

    /** The form: empty for a new assignment (due in a week at 20:00, Shanghai time), else its settings. */
    public AssignmentEditor editor(Viewer viewer, String slug, Long id) {
        var seat = access.runnerWrite(viewer, slug);
        if (id == null) {
            var due = LocalDateTime.now(clock.withZone(ZoneId.of(AssignmentDraft.DEFAULT_ZONE))).toLocalDate()
                    .plusDays(7).atTime(20, 0);
            return editor(seat, null, new AssignmentForm("", "", due.toString(), AssignmentDraft.DEFAULT_ZONE, "", "true",
                    List.of(), "100"));
        }
        var row = open(seat, id);
        var due = LocalDateTime.ofInstant(row.dueAt(), row.zone());
        return editor(seat, id, new AssignmentForm(row.title(), row.description(), due.toString(), row.zone().getId(),
                row.remindHours() == null ? "" : row.remindHours().toString(), String.valueOf(row.acceptsLate()),
                store.reviewers(row.id()).stream().map(String::valueOf).toList(),
                row.maxScore() == null ? "" : row.maxScore().toString()));
    }

    /** The form again after a refusal, with what was typed. */
    public AssignmentEditor editor(Viewer viewer, String slug, Long id, AssignmentForm typed) {
        return editor(access.runnerWrite(viewer, slug), id, typed);
    }

    private AssignmentEditor editor(Standing seat, Long id, AssignmentForm form) {
        var ids = memberships.membersOf(seat.communityId(), 0, CANDIDATES_SHOWN);
        var cards = profiles.findAll(ids);
        var runners = new java.util.HashSet<>(memberships.runnersOf(seat.communityId()));
        var candidates = ids.stream().filter(m -> !runners.contains(m))
                .map(m -> new AssignmentView.Person(m, cards.containsKey(m) ? cards.get(m).displayName() : "?")).toList();
        return new AssignmentEditor(seat.community().slug(), seat.community().name(), id, form, candidates);
    }

    @Transactional
    public AssignmentView create(Viewer viewer, String slug, AssignmentDraft draft) {
        var seat = access.runnerWrite(viewer, slug);
        var settings = judge(seat, draft, true);
        long id = store.insert(seat.communityId(), seat.accountId(), settings, now());
        store.setReviewers(id, draft.reviewers());
        return view(access.found(seat, id));
    }

    /** Changes it; a due time moved into the past is refused, as at creation. */
    @Transactional
    public AssignmentView edit(Viewer viewer, String slug, long id, AssignmentDraft draft) {
        var seat = access.runnerWrite(viewer, slug);
        var row = open(seat, id);
        var settings = judge(seat, draft, !keepsDue(row, draft));
        store.lockedMaxScore(row.id());
        int highest = submissions.highestScore(row.id());
        if (highest >= 0 && settings.maxScore() == null) {
            throw Rejection.invalid("maxScore", "assignment.maxScore.scoredAlready");
        }
        if (settings.maxScore() != null && highest > settings.maxScore()) {
            throw Rejection.invalid("maxScore", "assignment.maxScore.belowScores", highest);
        }
        store.edit(row.id(), settings, now());
        store.setReviewers(row.id(), draft.reviewers());
        return view(access.found(seat, id));
    }

    /** An edit that leaves a past due time as it was may keep it (to change the description after the due time). */
    private static boolean keepsDue(AssignmentRow row, AssignmentDraft draft) {
        if (draft == null || draft.dueAt() == null) {
            return false;
        }
        var zone = draft.zoneOrDefault();
        return ZoneId.getAvailableZoneIds().contains(zone)
                && draft.dueAt().atZone(ZoneId.of(zone)).toInstant().equals(row.dueAt());
    }

    /** Ends it for good: nothing more is handed in or revised; the submissions and reviews stay. */
    @Transactional
    public AssignmentView close(Viewer viewer, String slug, long id) {
        var seat = access.runnerWrite(viewer, slug);
        var row = open(seat, id);
        store.close(row.id(), seat.accountId(), now());
        return view(access.found(seat, id));
    }

    /** The draft's settings, or every problem with them at once. */
    AssignmentStore.Settings judge(Standing seat, AssignmentDraft draft, boolean dueMustBeAhead) {
        validation.check(draft == null ? AssignmentDraft.EMPTY : draft);
        var problems = new ArrayList<Rejection.FieldProblem>();
        ZoneId zone = null;
        if (!ZoneId.getAvailableZoneIds().contains(draft.zoneOrDefault())) {
            problems.add(new Rejection.FieldProblem("zone", "assignment.zone.unknown"));
        } else {
            zone = ZoneId.of(draft.zoneOrDefault());
            if (dueMustBeAhead && !draft.dueAt().atZone(zone).toInstant().isAfter(clock.instant())) {
                problems.add(new Rejection.FieldProblem("dueAt", "assignment.dueAt.past"));
            }
        }
        for (long reviewer : draft.reviewers()) {
            if (memberships.roleOf(seat.communityId(), reviewer).isEmpty()) {
                problems.add(new Rejection.FieldProblem("reviewerIds", "assignment.reviewers.notMember", reviewer));
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems);
        }
        return new AssignmentStore.Settings(draft.cleanTitle(), draft.cleanDescription(),
                draft.dueAt().atZone(zone).toInstant(), zone, draft.remindHoursBefore(), draft.late(), draft.maxScore());
    }

    /** One that still takes changes and submissions. */
    AssignmentRow open(Standing seat, long id) {
        var row = access.found(seat, id);
        if (row.closed()) {
            throw Rejection.conflict("assignment.closed");
        }
        return row;
    }

    AssignmentView view(AssignmentRow row) {
        var now = clock.instant();
        var reviewerIds = store.reviewers(row.id());
        var cards = profiles.findAll(reviewerIds);
        var reviewers = reviewerIds.stream().map(r -> new AssignmentView.Person(r,
                cards.containsKey(r) ? cards.get(r).displayName() : "?")).toList();
        return new AssignmentView(row.id(), row.title(), row.description(), markdown.toSafeHtml(row.description()),
                row.dueAt().atOffset(java.time.ZoneOffset.UTC), LOCAL.format(row.dueAt().atZone(row.zone())),
                row.zone().getId(), row.remindHours(), row.acceptsLate(), row.maxScore(), reviewers, row.closed(),
                !now.isBefore(row.dueAt()), Duration.between(now, row.dueAt()).toMinutes(),
                submissions.counts(row.id()).submitted());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
