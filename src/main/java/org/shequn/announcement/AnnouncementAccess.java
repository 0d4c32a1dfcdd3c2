package org.shequn.announcement;

import org.shequn.membership.CommunityGate;
import org.shequn.membership.Standing;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * The membership gate's refusals in announcement words: members read, the owner and admins publish and see the
 * receipts, and nothing is written in an archived community (the gate's own message, the one every module uses).
 */
@Component
class AnnouncementAccess {

    private final CommunityGate gate;

    AnnouncementAccess(CommunityGate gate) {
        this.gate = gate;
    }

    Standing read(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireMember("announcement.membersOnly");
    }

    /** A member's own write (marking one read). */
    Standing write(Viewer viewer, String slug) {
        return read(viewer, slug).requireWritable();
    }

    /** The receipts: the owner and admins, archived or not. */
    Standing runnerRead(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireRunner("announcement.runnersOnly");
    }

    Standing runnerWrite(Viewer viewer, String slug) {
        return runnerRead(viewer, slug).requireWritable();
    }
}
