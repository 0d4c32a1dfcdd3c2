package org.shequn.membership;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.community.EntryPolicy;
import org.shequn.shared.Rejection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Memberships with a term, for the entry module: who may pay to enter a community (and by which way), making a
 * payer a member until the end of their term, extending a term, and ending a membership whose payment was refunded.
 * The entry rules are the ones every way in shares ({@link Admission}): the fee is one more step, never a way around
 * a ban, the verification requirements, the approval or the cap.
 */
@Service
public class PaidMembership {

    /** How a payer comes in: an open community, an approved application, an invitation, or renewing a term. */
    public enum Route {
        OPEN, APPROVED, INVITATION, RENEWAL
    }

    /** A membership's term: {@code expiresAt} null for one without an end (free, lifetime, or from before the fee). */
    public record Term(long communityId, long accountId, OffsetDateTime expiresAt) {
    }

    private final Communities communities;
    private final Admission admission;
    private final MembershipStore store;
    private final ApplicationStore applications;
    private final Joining joining;
    private final InvitationStore invitations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaidMembership(Communities communities, Admission admission, MembershipStore store, ApplicationStore applications,
                   Joining joining, InvitationStore invitations, ApplicationEventPublisher events, Clock clock) {
        this.communities = communities;
        this.admission = admission;
        this.store = store;
        this.applications = applications;
        this.joining = joining;
        this.invitations = invitations;
        this.events = events;
        this.clock = clock;
    }

    /** The way this person may pay to enter now, or the reason they may not (the same refusals as joining). */
    @Transactional(readOnly = true)
    public Route mayPay(CommunityInfo community, long accountId, String code) {
        Admission.checkWritable(community);
        if (store.banned(community.id(), accountId)) {
            throw Rejection.forbidden("membership.banned");
        }
        var term = store.term(community.id(), accountId);
        if (term.isPresent()) {
            if (term.get().expiresAt() == null) {
                throw Rejection.conflict("membership.alreadyMember");
            }
            return Route.RENEWAL;
        }
        admission.checkRequirements(community, accountId, true);
        var route = route(community, accountId, code);
        Admission.checkSeat(community, store.count(community.id()));
        return route;
    }

    private Route route(CommunityInfo community, long accountId, String code) {
        var normalized = code == null || code.isBlank() ? null : code.strip();
        if (normalized != null) {
            joining.usable(community, normalized);
            return Route.INVITATION;
        }
        if (community.entryPolicy() == EntryPolicy.INVITATION) {
            throw Rejection.invalid("code", "membership.invitation.required");
        }
        if (community.entryPolicy() == EntryPolicy.APPROVAL) {
            var latest = applications.latest(community.id(), accountId);
            if (latest.isPresent() && latest.get().status() == ApplicationStore.Status.PENDING) {
                throw Rejection.conflict("membership.entry.awaitingApproval");
            }
            if (latest.isEmpty() || latest.get().status() != ApplicationStore.Status.APPROVED) {
                throw Rejection.forbidden("membership.approvalRequired");
            }
            return Route.APPROVED;
        }
        return Route.OPEN;
    }

    /**
     * Makes a payer a member until {@code expiresAt} (null: no end), checking the rules again under the community's
     * lock: it may have filled up, or the payer been banned, while they paid. Returns the refusal's message key, if
     * any (nothing was written then), rather than throwing, so the caller's transaction goes on to refund.
     */
    @Transactional
    public Optional<String> admit(long communityId, long accountId, String code, OffsetDateTime expiresAt) {
        try {
            enter(communityId, accountId, code, expiresAt);
            return Optional.empty();
        } catch (Rejection refused) {
            return Optional.of(refused.messageKey());
        }
    }

    private void enter(long communityId, long accountId, String code, OffsetDateTime expiresAt) {
        var community = communities.find(communityId).orElseThrow(() -> Rejection.notFound("community.notFound"));
        int members = admission.lock(community);
        Admission.checkWritable(community);
        admission.checkMayEnter(community, accountId, true);
        var route = route(community, accountId, code);
        Admission.checkSeat(community, members);
        if (route == Route.INVITATION) {
            var invitation = joining.usable(community, code.strip());
            invitations.use(invitation.id());
            admission.enrol(community, accountId, JoinedVia.INVITATION, invitation.createdBy(), invitation.id());
        } else {
            admission.enrol(community, accountId, route == Route.APPROVED ? JoinedVia.APPLICATION : JoinedVia.OPEN, null, null);
        }
        if (expiresAt != null) {
            store.setExpiry(communityId, accountId, expiresAt);
        }
    }

    /**
     * Extends a member's term by {@code by} from the later of now and its current end, and returns the new end; empty
     * (nothing written) when there is no membership with an end to extend.
     */
    @Transactional
    public Optional<OffsetDateTime> extend(long communityId, long accountId, Duration by) {
        var community = communities.find(communityId).orElse(null);
        if (community == null) {
            return Optional.empty();
        }
        admission.lock(community);
        var term = store.term(communityId, accountId).orElse(null);
        if (term == null || term.expiresAt() == null) {
            return Optional.empty();
        }
        var now = OffsetDateTime.now(clock);
        var from = term.expiresAt().isAfter(now) ? term.expiresAt() : now;
        var until = from.plus(by);
        store.setExpiry(communityId, accountId, until);
        store.audit(communityId, accountId, accountId, "RENEWED", until.toString(), now);
        renewed(communityId, accountId, until);
        return Optional.of(until);
    }

    /**
     * A community stopped charging: its members' terms end never (an expired one is a member again), since there is
     * nothing left to renew.
     */
    @Transactional
    public int endTerms(long communityId) {
        var community = communities.find(communityId).orElseThrow(() -> Rejection.notFound("community.notFound"));
        admission.lock(community);
        var lapsed = store.lapsedIn(communityId);
        int cleared = store.clearExpiries(communityId);
        for (long accountId : lapsed) {
            renewed(communityId, accountId, null);
        }
        return cleared;
    }

    /** A lapse that was announced is over: the member is one again, and {@link MembershipRenewed} says so. */
    private void renewed(long communityId, long accountId, OffsetDateTime until) {
        store.clearLapse(communityId, accountId).ifPresent(l -> events.publishEvent(
                new MembershipRenewed(communityId, accountId, l.role(), l.joinedAt(), l.invitedBy(), until)));
    }

    public Optional<Term> term(long communityId, long accountId) {
        return store.term(communityId, accountId).map(t -> new Term(t.communityId(), t.accountId(), t.expiresAt()));
    }

    /** Whether the membership has a term that has ended by now (the gate's "expired"); false for no membership. */
    public boolean lapsed(long communityId, long accountId) {
        var now = OffsetDateTime.now(clock);
        return store.term(communityId, accountId).map(t -> t.expiresAt() != null && !t.expiresAt().isAfter(now)).orElse(false);
    }

    /** Whether the membership exists and its term has not ended (or has no end). */
    public boolean current(long communityId, long accountId) {
        var now = OffsetDateTime.now(clock);
        return store.term(communityId, accountId).map(t -> t.expiresAt() == null || t.expiresAt().isAfter(now)).orElse(false);
    }

    /** Memberships whose term ends in [from, to), soonest first: for reminders. */
    public List<Term> expiring(OffsetDateTime from, OffsetDateTime to, int limit) {
        return store.expiring(from, to, limit).stream()
                .map(t -> new Term(t.communityId(), t.accountId(), t.expiresAt())).toList();
    }

    /** Ends a membership whose payment was refunded (never the owner's); returns false when there was none. */
    @Transactional
    public boolean end(long communityId, long accountId) {
        var community = communities.find(communityId).orElseThrow(() -> Rejection.notFound("community.notFound"));
        admission.lock(community);
        var role = store.role(communityId, accountId);
        if (role.isEmpty() || role.get() == org.shequn.community.CommunityRole.OWNER) {
            return false;
        }
        var now = OffsetDateTime.now(clock);
        store.delete(communityId, accountId, now);
        store.syncSeats(communityId);
        events.publishEvent(new MemberLeft(communityId, accountId, MemberLeft.Reason.REFUNDED));
        store.audit(communityId, accountId, accountId, "REFUNDED", null, now);
        return true;
    }
}
