package org.shequn.checkin;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.Standing;
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
}
