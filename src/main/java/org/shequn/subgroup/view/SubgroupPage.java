package org.shequn.subgroup.view;

import java.util.List;

/**
 * One sub-group: its members; {@code manages} when the viewer may add and remove them (runners, or its leader when
 * the community goes by sub-group); {@code addable}, the community's members in no sub-group, for them.
 */
public record SubgroupPage(String slug, String communityName, boolean runs, SubgroupCard group,
                           List<SubgroupMember> members, boolean manages, List<SubgroupMember> addable) {
}
