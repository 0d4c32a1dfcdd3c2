package org.shequn.membership;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.community.CommunityRole;
import org.shequn.profile.ProfileCard;
import org.shequn.profile.Profiles;
import org.shequn.shared.Rejection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The entry rules every way in shares (open join, invitation, approval): the community is not archived,
 * the person is not banned and not yet a member, meets the verification requirements, and there is a
 * free seat. {@link #lock} must come first in the transaction: it serializes all membership changes of
 * one community, which is what makes the seat check race-free.
 */
@Component
class Admission {

    private final Communities communities;
    private final MembershipStore store;
    private final ObjectProvider<Profiles> profiles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Admission(Communities communities, MembershipStore store, ObjectProvider<Profiles> profiles,
              ApplicationEventPublisher events, Clock clock) {
        this.communities = communities;
        this.store = store;
        this.profiles = profiles;
        this.events = events;
        this.clock = clock;
    }

    CommunityInfo community(String slug) {
        return communities.findBySlug(slug).orElseThrow(() -> Rejection.notFound("community.notFound"));
    }

    /** Archived communities are read-only: no membership change at all. */
    static void checkWritable(CommunityInfo community) {
        if (community.archived()) {
            throw Rejection.conflict("membership.archived");
        }
    }

    /** Locks the community's roster for this transaction and returns its member count. */
    int lock(CommunityInfo community) {
        return store.lockSeats(community.id());
    }

    /** Not banned, not already a member, verified as the community requires. */
    void checkMayEnter(CommunityInfo community, long accountId, boolean self) {
        if (store.banned(community.id(), accountId)) {
            throw Rejection.forbidden(self ? "membership.banned" : "membership.applicantBanned");
        }
        if (store.role(community.id(), accountId).isPresent()) {
            throw Rejection.conflict(self ? "membership.alreadyMember" : "membership.applicantAlreadyMember");
        }
        checkRequirements(community, accountId, self);
    }

    /** Verification is never assumed: without the profile module's word, nobody counts as verified. */
    void checkRequirements(CommunityInfo community, long accountId, boolean self) {
        if (!community.requiresRealName() && !community.requiresPosition()) {
            return;
        }
        var source = profiles.getIfAvailable();
        ProfileCard card = source == null ? null : source.find(accountId).orElse(null);
        boolean realName = card != null && card.realNameVerified();
        boolean position = card != null && card.positionVerified();
        boolean missingRealName = community.requiresRealName() && !realName;
        boolean missingPosition = community.requiresPosition() && !position;
        var prefix = self ? "membership.requires." : "membership.applicantRequires.";
        if (missingRealName && missingPosition) {
            throw Rejection.forbidden(prefix + "both");
        }
        if (missingRealName) {
            throw Rejection.forbidden(prefix + "realName");
        }
        if (missingPosition) {
            throw Rejection.forbidden(prefix + "position");
        }
    }

    static void checkSeat(CommunityInfo community, int members) {
        if (members >= community.memberCap()) {
            throw Rejection.conflict("membership.full", String.valueOf(members), String.valueOf(community.memberCap()));
        }
    }

    /** Makes the person a member; the caller holds the lock and has checked the rules. */
    void enrol(CommunityInfo community, long accountId, JoinedVia via, Long invitedBy, Long invitationId) {
        var now = OffsetDateTime.now(clock);
        store.insert(community.id(), accountId, CommunityRole.MEMBER, via, invitedBy, invitationId, now);
        store.syncSeats(community.id());
        events.publishEvent(new MemberJoined(community.id(), accountId, invitedBy, now));
        store.audit(community.id(), accountId, accountId, "JOINED", via.name(), now);
    }
}
