package org.shequn.subgroup.view;

import java.util.List;

/** A split shown before it is applied: each group's suggested name, leader candidate and members. */
public record SplitProposal(String slug, String communityName, String basis, int size, int existing,
                            List<ProposedGroup> groups) {

    public record ProposedGroup(int index, String name, long leaderId, List<SubgroupMember> members) {
    }
}
