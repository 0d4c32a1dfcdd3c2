package org.shequn.voting;

import org.shequn.community.CommunityRole;
import org.shequn.membership.Scope;
import org.shequn.membership.Standing;

/**
 * Who may open and close polls: those who run the community (owner, admins), and core members too when the
 * community governs itself ({@code GovernanceMode.AUTONOMOUS}); a sub-group's poll also its leader, when the
 * community goes by sub-group ({@code GovernanceMode.SUBGROUP}), for their own group only.
 */
final class PollRunners {

    private PollRunners() {
    }

    /** Runs every poll of the community (and sees every sub-group's). */
    static boolean mayRun(Standing standing) {
        return standing.runs() || (standing.role().filter(r -> r == CommunityRole.CORE).isPresent()
                && standing.community().governance().coreMembersOpenPolls());
    }

    /** Runs polls scoped to {@code scope}: a community runner, or the group's own leader. */
    static boolean mayRun(Standing standing, Scope scope) {
        return mayRun(standing) || scope.ledBy(standing);
    }

    /** May open a poll at all (the form, the list's button): a runner, or by sub-group a group's leader. */
    static boolean mayOpenAny(Standing standing) {
        return mayRun(standing) || (standing.leadsSubgroup() && standing.community().governance().leadersRunGroups());
    }

    /** Sees a poll: the group's members and whoever runs polls here (its leader is one of its members). */
    static boolean sees(Standing standing, Scope scope) {
        return scope.visibleTo(standing) || mayRun(standing);
    }
}
