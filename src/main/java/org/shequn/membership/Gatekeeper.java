package org.shequn.membership;

import java.time.Clock;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Component;

/** Resolves standings: the community (possibly from the node's cache), then one fresh read of the viewer's place. */
@Component
class Gatekeeper implements CommunityGate {

    private final Communities communities;
    private final MembershipStore store;
    private final Clock clock;

    Gatekeeper(Communities communities, MembershipStore store, Clock clock) {
        this.communities = communities;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Standing of(Viewer viewer, String slug) {
        // the community module normalizes the slug and answers "none" for anything that cannot be one
        return standing(viewer, communities.findBySlug(slug).orElse(null));
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
        // a paid term that has ended: the row stays (history, renewal), but the gate no longer counts it a member
        var expired = row.role() != null && row.expiresAt() != null && !row.expiresAt().toInstant().isAfter(clock.instant())
                ? row.expiresAt() : null;
        return new Standing(community, accountId, row.members(), row.role(), row.banned(), row.mutedUntil(), expired,
                row.subgroupId(), row.leads());
    }
}
