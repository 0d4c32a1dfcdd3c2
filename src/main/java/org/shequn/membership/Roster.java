package org.shequn.membership;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shequn.community.CommunityCreated;
import org.shequn.community.CommunityRole;
import org.shequn.community.MemberRoster;
import org.shequn.community.OwnershipTransferred;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Implements the community module's view of membership, and keeps ownership and roster in step. The two
 * listeners run synchronously inside the community's transaction: a community must never exist, even for
 * a moment, without its owner as a member.
 */
@Service
class Roster implements MemberRoster, Memberships {

    private final MembershipStore store;
    private final Clock clock;

    Roster(MembershipStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public int memberCount(long communityId) {
        return store.counts(java.util.List.of(communityId)).getOrDefault(communityId, 0);
    }

    @Override
    public Map<Long, Integer> memberCounts(Collection<Long> communityIds) {
        return store.counts(communityIds);
    }

    @Override
    public Optional<CommunityRole> roleOf(long communityId, long accountId) {
        return store.role(communityId, accountId);
    }

    @Override
    public void mute(long communityId, long accountId, OffsetDateTime until, String reason, long mutedBy) {
        store.setMute(communityId, accountId, until, reason, mutedBy);
    }

    @Override
    public boolean unmute(long communityId, long accountId) {
        return store.unmute(communityId, accountId);
    }

    @Override
    public boolean shareCommunity(long a, long b) {
        return store.shareCommunity(a, b, java.time.OffsetDateTime.now(clock));
    }

    @Override
    public List<MemberMute> mutes(long communityId, OffsetDateTime now) {
        return store.mutes(communityId, now);
    }

    @Override
    public List<Long> communitiesOf(long accountId) {
        return store.communitiesOf(accountId);
    }

    @Override
    public List<Long> runnersOf(long communityId) {
        return store.runners(communityId);
    }

    @Override
    public List<Long> membersOf(long communityId, long afterAccountId, int limit) {
        return store.memberIds(communityId, afterAccountId, limit);
    }

    @EventListener
    void on(CommunityCreated created) {
        var now = OffsetDateTime.now(clock);
        store.insert(created.communityId(), created.ownerId(), CommunityRole.OWNER, JoinedVia.CREATED, null, null, now);
        store.createSeats(created.communityId(), 1);
        store.audit(created.communityId(), created.ownerId(), created.ownerId(), "CREATED", null, now);
    }

    @EventListener
    void on(OwnershipTransferred transferred) {
        var now = OffsetDateTime.now(clock);
        store.lockSeats(transferred.communityId());
        store.setRole(transferred.communityId(), transferred.previousOwnerId(), CommunityRole.ADMIN);
        store.setRole(transferred.communityId(), transferred.newOwnerId(), CommunityRole.OWNER);
        store.audit(transferred.communityId(), transferred.previousOwnerId(), transferred.newOwnerId(),
                "OWNERSHIP_TRANSFERRED", null, now);
    }
}
