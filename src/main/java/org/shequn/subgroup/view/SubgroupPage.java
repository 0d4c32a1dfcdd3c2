package org.shequn.subgroup.view;

import java.util.List;
import org.shequn.content.GroupFeed;

/**
 * One sub-group: its members; {@code manages} when the viewer may add and remove them (runners, or its leader when
 * the community goes by sub-group); {@code addable}, the community's members in no sub-group, for them. For its
 * members and the runners ({@code seesScoped}) also its own feed (the posts scoped to it) and what else is scoped
 * to it ({@code scoped}: challenges, events, polls, elections); null and empty for anyone else. {@code opensPoll}:
 * the viewer may open a poll for the group (a runner, or its leader by sub-group); {@code opensElection}: the
 * viewer may open its leader election (a runner).
 */
public record SubgroupPage(String slug, String communityName, boolean runs, SubgroupCard group,
                           List<SubgroupMember> members, boolean manages, List<SubgroupMember> addable,
                           boolean seesScoped, GroupFeed feed, List<ScopedItem> scoped, boolean opensPoll,
                           boolean opensElection) {
}
