package org.shequn.assignment;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.Standing;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * The membership gate's refusals in assignment words: members read and hand in (not while muted), the owner and
 * admins set assignments; the owner, admins and an assignment's named reviewers score, comment and see who handed
 * in. Nothing is written in an archived community.
 */
@Component
class AssignmentAccess {

    private final CommunityGate gate;
    private final AssignmentStore store;
    private final Clock clock;

    AssignmentAccess(CommunityGate gate, AssignmentStore store, Clock clock) {
        this.gate = gate;
        this.store = store;
        this.clock = clock;
    }

    Standing read(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireMember("assignment.membersOnly");
    }

    Standing write(Viewer viewer, String slug) {
        return read(viewer, slug).requireWritable().requireNotMuted(OffsetDateTime.now(clock), "assignment.muted");
    }

    Standing runnerWrite(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireRunner("assignment.runnersOnly").requireWritable();
    }

    /** Whether this member may review this assignment's submissions: the owner, an admin or a named reviewer. */
    boolean reviews(Standing seat, AssignmentStore.AssignmentRow assignment) {
        return seat.runs() || store.isReviewer(assignment.id(), seat.accountId());
    }

    /** A reviewer's read: the assignment first (404), then whether the member reviews it (403). */
    AssignmentStore.AssignmentRow reviewerRead(Viewer viewer, String slug, long id) {
        var seat = read(viewer, slug);
        var assignment = found(seat, id);
        if (!reviews(seat, assignment)) {
            throw Rejection.forbidden("assignment.reviewersOnly");
        }
        return assignment;
    }

    /**
     * A reviewer's write: a runner of an archived community hears of the archive before anything is looked up, as
     * every runner's write does; a member is told whether they review the assignment before that.
     */
    Reviewer reviewerWrite(Viewer viewer, String slug, long id) {
        var seat = read(viewer, slug);
        if (seat.runs()) {
            seat.requireWritable();
            return new Reviewer(seat, found(seat, id));
        }
        var assignment = found(seat, id);
        if (!reviews(seat, assignment)) {
            throw Rejection.forbidden("assignment.reviewersOnly");
        }
        seat.requireWritable();
        return new Reviewer(seat, assignment);
    }

    record Reviewer(Standing seat, AssignmentStore.AssignmentRow assignment) {
    }

    AssignmentStore.AssignmentRow found(Standing seat, long id) {
        return store.byId(seat.communityId(), id).orElseThrow(() -> Rejection.notFound("assignment.notFound"));
    }
}
