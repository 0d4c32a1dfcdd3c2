package org.shequn.reaction;

import org.shequn.membership.CommunityGate;
import org.shequn.membership.Standing;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * The membership gate's refusals for reactions and sticker packs, in the words members already know from posts
 * (the same message keys): only members react or see the packs, and nothing changes in an archived community.
 */
@Component
class ReactionAccess {

    private static final String MEMBERS_ONLY = "content.membersOnly";
    private static final String ARCHIVED = "content.communityArchived";

    private final CommunityGate gate;

    ReactionAccess(CommunityGate gate) {
        this.gate = gate;
    }

    Standing read(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireMember(MEMBERS_ONLY);
    }

    Standing write(Viewer viewer, String slug) {
        return read(viewer, slug).requireWritable(ARCHIVED);
    }
}
