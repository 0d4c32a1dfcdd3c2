package org.shequn.membership;

import java.util.List;

/** The membership module's API for other modules (the community module sees it as its MemberRoster). */
public interface Memberships {

    /** The owner and admins of a community: who reviews applications and runs it day to day. */
    List<Long> runnersOf(long communityId);

    /** The communities the account is a member of now (any role). */
    List<Long> communitiesOf(long accountId);

    /**
     * One page of everyone in a community, whatever their role (e.g. who a community's daily digest concerns):
     * the account ids above {@code afterAccountId}, ascending, at most {@code limit}. Pass the last id of a page
     * to get the next; a community of any size is walked without loading it whole.
     */
    List<Long> membersOf(long communityId, long afterAccountId, int limit);
}
