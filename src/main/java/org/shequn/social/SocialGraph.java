package org.shequn.social;

import java.util.List;
import java.util.Set;

/** The social module's API for other modules. */
public interface SocialGraph {

    /** True when either has blocked the other. */
    boolean blockedEitherWay(long a, long b);

    /** Everyone the account has blocked or is blocked by: hidden from each other's views. */
    Set<Long> blockedEitherWay(long accountId);

    /** Friends (mutual follows) that both accounts share, for "共同好友"; at most {@code limit}. */
    List<Long> mutualFriends(long a, long b, int limit);

    boolean follows(long follower, long followee);

    /** Whom the account follows, most recently followed first; at most {@code limit}. */
    List<Long> followees(long accountId, int limit);
}
