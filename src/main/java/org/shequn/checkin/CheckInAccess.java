package org.shequn.checkin;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.Standing;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * The membership gate's refusals in check-in words: members read and check in (not while muted: a check-in is
 * text others read), the owner and admins run challenges and review; nothing is written in an archived community.
 */
@Component
class CheckInAccess {

    private final CommunityGate gate;
    private final Clock clock;

    CheckInAccess(CommunityGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    Standing read(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireMember("checkin.membersOnly");
    }

    Standing write(Viewer viewer, String slug) {
        return read(viewer, slug).requireWritable().requireNotMuted(OffsetDateTime.now(clock), "checkin.muted");
    }

    Standing runnerWrite(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireRunner("checkin.runnersOnly").requireWritable();
    }

    /**
     * Who runs a challenge (edit, close, review, feature): the owner and admins, who pass before it is looked up; or,
     * when the community goes by sub-group, a leader — whether of this challenge's group is known only from it, so
     * the caller checks {@link #requireRuns(Standing, ChallengeStore.ChallengeRow)} once it has the row.
     */
    Standing plannerWrite(Viewer viewer, String slug) {
        var seat = read(viewer, slug);
        if (!seat.runs() && !(seat.leadsSubgroup() && seat.community().governance().leadersRunGroups())) {
            throw Rejection.forbidden("checkin.runnersOnly");
        }
        // a runner is refused in an archived community before any challenge is looked up; a leader once it is known
        return seat.runs() ? seat.requireWritable() : seat;
    }

    /** The challenge is run by this viewer (a runner, or its group's leader), and the community takes writes. */
    static void requireRuns(Standing seat, ChallengeStore.ChallengeRow row) {
        if (!row.scope().runBy(seat)) {
            throw Rejection.forbidden("checkin.runnersOnly");
        }
        seat.requireWritable();
    }

    /** Who may create a challenge for {@code subgroupId}: the runners, or that group's leader (by sub-group). */
    Standing creatorWrite(Viewer viewer, String slug, Long subgroupId) {
        var seat = read(viewer, slug);
        if (!seat.runs() && !org.shequn.membership.Scope.of(subgroupId).ledBy(seat)) {
            throw Rejection.forbidden("checkin.runnersOnly");
        }
        return seat.requireWritable();
    }
}
