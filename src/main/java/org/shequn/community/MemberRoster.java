package org.shequn.community;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the community module itself needs to know about membership (counts against the cap, the viewer's role on
 * its own pages), implemented by the membership module so the dependency points from membership to community,
 * never back. Other modules ask membership directly: its {@code CommunityGate} and {@code Memberships}.
 */
public interface MemberRoster {

    int memberCount(long communityId);

    Map<Long, Integer> memberCounts(Collection<Long> communityIds);

    /** For this module's own pages and rules (the viewer's role on the about page, a transfer's new owner). */
    Optional<CommunityRole> roleOf(long communityId, long accountId);
}
