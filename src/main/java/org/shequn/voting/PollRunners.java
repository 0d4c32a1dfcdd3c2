package org.shequn.voting;

import org.shequn.community.CommunityRole;
import org.shequn.membership.Standing;

/**
 * Who may open and close polls: those who run the community (owner, admins), and core members too when the
 * community governs itself ({@code GovernanceMode.AUTONOMOUS}).
 */
final class PollRunners {

    private PollRunners() {
    }

    static boolean mayRun(Standing standing) {
        return standing.runs() || (standing.role().filter(r -> r == CommunityRole.CORE).isPresent()
                && standing.community().governance().coreMembersOpenPolls());
    }
}
