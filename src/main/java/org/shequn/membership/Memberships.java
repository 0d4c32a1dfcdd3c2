package org.shequn.membership;

import java.util.List;

/** The membership module's API for other modules (the community module sees it as its MemberRoster). */
public interface Memberships {

    /** The owner and admins of a community: who reviews applications and runs it day to day. */
    List<Long> runnersOf(long communityId);

    /** The communities the account is a member of now (any role). */
    List<Long> communitiesOf(long accountId);

    /** Members' account ids, the strongest roles first (owner, admins, core), then by join date; at most {@code limit}. */
    List<Long> memberIds(long communityId, int limit);

    /** Everyone in a community, whatever their role (e.g. who a community's daily digest concerns). */
    List<Long> membersOf(long communityId);
}
