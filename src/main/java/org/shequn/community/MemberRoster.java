package org.shequn.community;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the community module needs to know about membership (counts against the cap, the viewer's role),
 * implemented by the membership module: the dependency points from membership to community, never back.
 */
public interface MemberRoster {

    int memberCount(long communityId);

    Map<Long, Integer> memberCounts(Collection<Long> communityIds);

    Optional<CommunityRole> roleOf(long communityId, long accountId);

    /** The member count and the account's role (empty for outsiders), in one read. */
    Standing standing(long communityId, long accountId);

    record Standing(int memberCount, Optional<CommunityRole> role) {
    }
}
