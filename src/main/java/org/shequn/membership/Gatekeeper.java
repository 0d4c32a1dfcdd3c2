package org.shequn.membership;

import java.util.Locale;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Component;

/** Resolves standings: the community (possibly from the node's cache), then one fresh read of the viewer's place. */
@Component
class Gatekeeper implements CommunityGate {

    /** Longer than any slug a community may have; such a path names no community. */
    private static final int MAX_SLUG = 40;

    private final Communities communities;
    private final MembershipStore store;

    Gatekeeper(Communities communities, MembershipStore store) {
        this.communities = communities;
        this.store = store;
    }

    @Override
    public Standing of(Viewer viewer, String slug) {
        CommunityInfo community = slug == null || slug.isEmpty() || slug.length() > MAX_SLUG ? null
                : communities.findBySlug(slug.toLowerCase(Locale.ROOT)).orElse(null);
        return standing(viewer, community);
    }

    @Override
    public Standing of(Viewer viewer, long communityId) {
        return standing(viewer, communities.find(communityId).orElse(null));
    }

    private Standing standing(Viewer viewer, CommunityInfo community) {
        Long accountId = viewer == null ? null : viewer.accountId();
        if (community == null) {
            return new Standing(null, accountId, 0, null, false, null);
        }
        var row = store.standing(community.id(), accountId == null ? 0 : accountId);
        return new Standing(community, accountId, row.members(), row.role(), row.banned(), row.mutedUntil());
    }
}
