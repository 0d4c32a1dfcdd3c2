package org.shequn.membership;

import org.shequn.shared.Rejection;

/**
 * Who an item (a post, a check-in challenge, an event, a poll, an election) is for: the whole community, or one of
 * its sub-groups (分群). The rules, in one place:
 * <ul>
 *   <li>seen by everyone the item is otherwise shown to when it is the community's; a sub-group's item only by that
 *       group's members and by the community's runners (owner, admins) — anyone else gets a 404, so nothing of it
 *       is revealed;</li>
 *   <li>taken part in (comment, check in, register, vote) only by the group's members;</li>
 *   <li>run (created, edited, cancelled, checked in at the door, reviewed) by the runners, and by the group's own
 *       leader when the community goes by sub-group ({@code GovernanceMode.SUBGROUP}) — never a community-wide item.</li>
 * </ul>
 */
public record Scope(Long subgroupId) {

    private static final Scope COMMUNITY = new Scope(null);

    /** The whole community's. */
    public static Scope community() {
        return COMMUNITY;
    }

    public static Scope of(Long subgroupId) {
        return subgroupId == null ? COMMUNITY : new Scope(subgroupId);
    }

    public boolean wholeCommunity() {
        return subgroupId == null;
    }

    public boolean visibleTo(Standing viewer) {
        return subgroupId == null || viewer.runs() || viewer.inSubgroup(subgroupId);
    }

    public boolean takingPartBy(Standing viewer) {
        return subgroupId == null || viewer.inSubgroup(subgroupId);
    }

    public boolean runBy(Standing viewer) {
        return viewer.runs() || ledBy(viewer);
    }

    /** Whether the viewer runs this as the group's leader (not as a runner of the community). */
    public boolean ledBy(Standing viewer) {
        return subgroupId != null && viewer.exists() && viewer.community().governance().leadersRunGroups()
                && viewer.leads(subgroupId);
    }

    /** A 404 with {@code notFound} for a viewer who may not see it: a scoped item is not revealed. */
    public Scope requireVisible(Standing viewer, String notFound) {
        if (!visibleTo(viewer)) {
            throw Rejection.notFound(notFound);
        }
        return this;
    }

    /** A 404 for those who may not see it, then a 403 ({@code scope.membersOnly}) for those who may only look. */
    public Scope requireTakingPart(Standing viewer, String notFound) {
        requireVisible(viewer, notFound);
        if (!takingPartBy(viewer)) {
            throw Rejection.forbidden("scope.membersOnly");
        }
        return this;
    }

    /**
     * The SQL condition (starting with " and ") that keeps a list to what {@code viewer} may see, on a nullable
     * sub-group column; empty for runners, who see everything. Only numbers are written into it.
     */
    public static String filter(Standing viewer, String column) {
        if (viewer.runs()) {
            return "";
        }
        return viewer.subgroupId().map(g -> " and (" + column + " is null or " + column + " = " + g.longValue() + ")")
                .orElse(" and " + column + " is null");
    }
}
