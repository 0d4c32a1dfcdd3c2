package org.shequn.voting.view;

import java.util.List;

/**
 * A community's elections, newest first; {@code mayOpen}: the owner or an admin (who opens sub-groups' leader
 * elections), community not archived. For the form: the sub-groups offered, the one preselected, and whether a
 * community-wide election may be chosen (the owner's alone).
 */
public record ElectionList(String slug, String communityName, boolean archived, boolean runs, boolean mayOpen,
                           List<ElectionView> items, List<org.shequn.membership.Scopes.Choice> scopes, Long subgroupId,
                           boolean mayOpenCommunity) {
}
