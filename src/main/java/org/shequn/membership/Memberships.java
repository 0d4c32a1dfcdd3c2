package org.shequn.membership;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.shequn.community.CommunityRole;

/**
 * The membership module's API for other modules, beside {@link CommunityGate} (the viewer's own standing). The
 * community module sees a narrow part of it as its {@link org.shequn.community.MemberRoster}.
 */
public interface Memberships {

    /** Another account's role in a community (e.g. whether a mentioned person is a member), empty for outsiders. */
    Optional<CommunityRole> roleOf(long communityId, long accountId);

    /** Mutes are decided (and audited) by moderation and kept here, with the member's role and ban. */
    void mute(long communityId, long accountId, OffsetDateTime until, String reason, long mutedBy);

    /** Whether there was a mute to lift. */
    boolean unmute(long communityId, long accountId);

    /** The community's mutes still in force at {@code now}, ending soonest first. */
    List<MemberMute> mutes(long communityId, OffsetDateTime now);

    /** The owner and admins of a community: who reviews applications and runs it day to day. */
    List<Long> runnersOf(long communityId);

    /**
     * Whether two accounts are both members of at least one community neither is banned from (e.g. who may send
     * whom a private message).
     */
    boolean shareCommunity(long a, long b);

    /** The communities the account is a member of now (any role). */
    List<Long> communitiesOf(long accountId);

    /**
     * One page of everyone in a community, whatever their role (e.g. who a community's daily digest concerns):
     * the account ids above {@code afterAccountId}, ascending, at most {@code limit}. Pass the last id of a page
     * to get the next; a community of any size is walked without loading it whole.
     */
    List<Long> membersOf(long communityId, long afterAccountId, int limit);

    /** A page of the members at a time, as {@link #membersOf} reads them. */
    int MEMBER_PAGE = 1000;

    /** Each member of a community (any role), ascending by account, read {@link #MEMBER_PAGE} at a time. */
    default void eachMember(long communityId, java.util.function.LongConsumer each) {
        long after = 0;
        while (true) {
            var page = membersOf(communityId, after, MEMBER_PAGE);
            page.forEach(each::accept);
            if (page.size() < MEMBER_PAGE) {
                return;
            }
            after = page.getLast();
        }
    }
}
