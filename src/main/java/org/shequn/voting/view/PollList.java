package org.shequn.voting.view;

import java.util.List;

/**
 * A community's polls, newest first; {@code mayOpen}: the viewer may open one (and the community is not archived);
 * for the form, the sub-groups the viewer may open one for and the one preselected.
 */
public record PollList(String slug, String communityName, boolean archived, boolean runs, boolean mayOpen,
                       List<PollView> items, List<org.shequn.membership.Scopes.Choice> scopes, Long subgroupId) {
}
