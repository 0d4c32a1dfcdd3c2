package org.shequn.interaction;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.shequn.membership.CommunityGate;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Service;

/** Reading the interactions: a community's, in the order they happened, a page at a time. */
@Service
public class Interactions {

    public static final int MAX_PAGE = 500;

    private final CommunityGate gate;
    private final InteractionStore store;

    Interactions(CommunityGate gate, InteractionStore store) {
        this.gate = gate;
        this.store = store;
    }

    /** How many interactions each member started in a community since a time: who is active (for dividing it). */
    public Map<Long, Integer> activity(long communityId, OffsetDateTime since) {
        return store.activity(communityId, since);
    }

    /** For the community's owner and admins: the interactions after {@code afterId} (0 from the start). */
    public List<Interaction> inCommunity(Viewer viewer, String slug, long afterId, int limit) {
        var standing = gate.of(viewer, slug).requireRunner("interaction.runnersOnly");
        if (limit < 1 || limit > MAX_PAGE) {
            throw Rejection.invalid("limit", "interaction.limit", MAX_PAGE);
        }
        return store.inCommunity(standing.communityId(), Math.max(0, afterId), limit);
    }
}
