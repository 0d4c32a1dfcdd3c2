package org.shequn.voting.view;

import java.util.List;

/** A community's elections, newest first; {@code mayOpen}: the owner, community not archived. */
public record ElectionList(String slug, String communityName, boolean archived, boolean runs, boolean mayOpen,
                           List<ElectionView> items) {
}
