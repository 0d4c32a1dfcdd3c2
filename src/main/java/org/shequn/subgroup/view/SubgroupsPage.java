package org.shequn.subgroup.view;

import java.util.List;

/** A community's sub-groups: {@code ungrouped}, members in none; {@code governance}, the mode's name. */
public record SubgroupsPage(String slug, String communityName, boolean runs, boolean owner, String governance,
                            List<SubgroupCard> groups, int members, int ungrouped) {
}
