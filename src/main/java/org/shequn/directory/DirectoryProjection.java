package org.shequn.directory;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.community.CommunityCreated;
import org.shequn.community.CommunityRole;
import org.shequn.community.OwnershipTransferred;
import org.shequn.identity.Accounts;
import org.shequn.identity.AccountSummary;
import org.shequn.membership.MemberJoined;
import org.shequn.membership.MemberLeft;
import org.shequn.membership.MemberRoleChanged;
import org.shequn.membership.MembershipLapsed;
import org.shequn.membership.MembershipRenewed;
import org.shequn.membership.PaidMembership;
import org.shequn.profile.ProfileChanged;
import org.shequn.profile.Profiles;
import org.shequn.social.Blocked;
import org.shequn.social.Unblocked;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the directory current. Every listener runs after the change committed, from the outbox (so a
 * crash between commit and update is retried), and rewrites whole rows, so delivering an event twice is
 * harmless.
 */
@Component
class DirectoryProjection {

    private final DirectoryStore store;
    private final Profiles profiles;
    private final Accounts accounts;
    private final PaidMembership terms;
    private final Clock clock;

    DirectoryProjection(DirectoryStore store, Profiles profiles, Accounts accounts, PaidMembership terms, Clock clock) {
        this.terms = terms;
        this.store = store;
        this.profiles = profiles;
        this.accounts = accounts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CommunityCreated created) {
        put(created.communityId(), created.ownerId(), CommunityRole.OWNER, OffsetDateTime.now(clock), null);
    }

    @ApplicationModuleListener
    void on(OwnershipTransferred transferred) {
        changeRole(transferred.communityId(), transferred.previousOwnerId(), CommunityRole.ADMIN);
        changeRole(transferred.communityId(), transferred.newOwnerId(), CommunityRole.OWNER);
    }

    @ApplicationModuleListener
    void on(MemberJoined joined) {
        put(joined.communityId(), joined.accountId(), CommunityRole.MEMBER, joined.joinedAt(), joined.invitedBy());
    }

    @ApplicationModuleListener
    void on(MemberLeft left) {
        store.remove(left.communityId(), left.accountId());
    }

    /**
     * A paid member whose term ended is not listed until they renew. Lapse and renewal may be delivered in either
     * order, so each asks how the term stands now and writes what is true then.
     */
    @ApplicationModuleListener
    void on(MembershipLapsed lapsed) {
        if (terms.lapsed(lapsed.communityId(), lapsed.accountId())) {
            store.remove(lapsed.communityId(), lapsed.accountId());
        }
    }

    @ApplicationModuleListener
    void on(MembershipRenewed renewed) {
        if (terms.current(renewed.communityId(), renewed.accountId())) {
            put(renewed.communityId(), renewed.accountId(), renewed.role(), renewed.joinedAt(), renewed.invitedBy());
        }
    }

    @ApplicationModuleListener
    void on(MemberRoleChanged changed) {
        changeRole(changed.communityId(), changed.accountId(), changed.to());
    }

    /**
     * A block hides the two from each other's directory at once: kept in the blocking transaction (not through the
     * outbox), so the very next page either of them opens no longer shows the other.
     */
    @EventListener
    void on(Blocked blocked) {
        store.block(blocked.blockerId(), blocked.blockedId());
    }

    @EventListener
    void on(Unblocked unblocked) {
        store.unblock(unblocked.blockerId(), unblocked.blockedId());
    }

    @ApplicationModuleListener
    void on(ProfileChanged changed) {
        var card = profiles.find(changed.accountId()).orElse(null);
        if (card == null) {
            return;
        }
        for (var membership : store.membershipsOf(changed.accountId())) {
            store.put(membership.communityId(), card, CommunityRole.valueOf(membership.role()), membership.joinedAt(), membership.inviterId(),
                    membership.inviterName());
        }
        store.renameInviter(changed.accountId(), card.displayName());
    }

    void put(long communityId, long accountId, CommunityRole role, OffsetDateTime joinedAt, Long inviterId) {
        var card = profiles.find(accountId).orElse(null);
        if (card == null) {
            return;
        }
        var inviterName = inviterId == null ? null : accounts.find(inviterId).map(AccountSummary::displayName).orElse(null);
        store.put(communityId, card, role, joinedAt, inviterId, inviterName);
    }

    void changeRole(long communityId, long accountId, CommunityRole role) {
        var existing = store.membership(communityId, accountId).orElse(null);
        if (existing == null) {
            put(communityId, accountId, role, OffsetDateTime.now(clock), null);
        } else {
            put(communityId, accountId, role, existing.joinedAt(), existing.inviterId());
        }
    }

}
