package org.shequn.voting;

import org.shequn.membership.Standing;

/**
 * Who may open and close polls. Today those who run the community (owner, admins). The community's governance
 * mode (issue 14 point 6: autonomous lets core members open polls) is the one thing to read here when it exists.
 */
final class PollRunners {

    private PollRunners() {
    }

    static boolean mayRun(Standing standing) {
        return standing.runs();
    }
}
