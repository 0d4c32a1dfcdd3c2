package org.shequn.membership;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.community.CommunityInfo;
import org.shequn.community.CommunityRole;
import org.shequn.identity.Accounts;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to who is in and in which role, after joining: leaving, removal, bans and role changes.
 * Owner and admins run the community, but only the owner acts on admins, and nobody acts on the owner
 * this way (ownership moves only by transfer, in the community module).
 */
@Service
public class RosterChanges {

    private final Accounts accounts;
    private final CommunityGate gate;
    private final Admission admission;
    private final MembershipStore store;
    private final ApplicationStore applications;
    private final Validation validation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RosterChanges(Accounts accounts, CommunityGate gate, Admission admission, MembershipStore store, ApplicationStore applications, Validation validation,
                  ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.gate = gate;
        this.admission = admission;
        this.store = store;
        this.applications = applications;
        this.validation = validation;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void leave(Viewer viewer, String slug) {
        var standing = gate.of(viewer, slug).requireSignedIn();
        var community = standing.community();
        var role = standing.role().orElseThrow(() -> Rejection.conflict("membership.notMember"));
        Admission.checkWritable(community);
        if (role == CommunityRole.OWNER) {
            throw Rejection.conflict("membership.ownerCannotLeave");
        }
        admission.lock(community);
        drop(community, viewer.accountId(), MemberLeft.Reason.LEFT);
        store.audit(community.id(), viewer.accountId(), viewer.accountId(), "LEFT", null, now());
    }

    @Transactional
    public void remove(Viewer viewer, String slug, long accountId) {
        var runner = gate.of(viewer, slug).requireRunner().requireWritable("membership.archived");
        var community = runner.community();
        var actor = runner.role().orElseThrow();
        if (accountId == viewer.accountId()) {
            throw Rejection.conflict("membership.remove.self");
        }
        var role = store.role(community.id(), accountId)
                .orElseThrow(() -> Rejection.notFound("membership.member.notFound"));
        checkMayActOn(actor, role);
        admission.lock(community);
        drop(community, accountId, MemberLeft.Reason.REMOVED);
        store.audit(community.id(), viewer.accountId(), accountId, "REMOVED", null, now());
    }

    @Transactional
    public void ban(Viewer viewer, String slug, long accountId, Banning banning) {
        var runner = gate.of(viewer, slug).requireRunner().requireWritable("membership.archived");
        var community = runner.community();
        var actor = runner.role().orElseThrow();
        validation.check(banning);
        if (accountId == viewer.accountId()) {
            throw Rejection.conflict("membership.ban.self");
        }
        // an account need not be a member to be kept out, but it must exist
        if (accounts.find(accountId).isEmpty()) {
            throw Rejection.notFound("membership.ban.noSuchAccount");
        }
        var role = store.role(community.id(), accountId);
        if (role.isPresent()) {
            checkMayActOn(actor, role.get());
        }
        admission.lock(community);
        if (store.banned(community.id(), accountId)) {
            throw Rejection.conflict("membership.ban.already");
        }
        var reason = banning.reason() == null || banning.reason().isBlank() ? null : banning.reason().strip();
        var now = now();
        store.ban(community.id(), accountId, viewer.accountId(), reason, now);
        if (role.isPresent()) {
            drop(community, accountId, MemberLeft.Reason.BANNED);
        }
        applications.pending(community.id(), accountId).ifPresent(pending ->
                applications.decide(pending.id(), ApplicationStore.Status.REJECTED, viewer.accountId(), null, now));
        store.audit(community.id(), viewer.accountId(), accountId, "BANNED", reason, now);
    }

    @Transactional
    public void unban(Viewer viewer, String slug, long accountId) {
        var community = gate.of(viewer, slug).requireRunner().requireWritable("membership.archived").community();
        admission.lock(community);
        if (!store.unban(community.id(), accountId)) {
            throw Rejection.notFound("membership.ban.notFound");
        }
        store.audit(community.id(), viewer.accountId(), accountId, "UNBANNED", null, now());
    }

    @Transactional
    public void changeRole(Viewer viewer, String slug, long accountId, RoleChange change) {
        var runner = gate.of(viewer, slug).requireRunner().requireWritable("membership.archived");
        var community = runner.community();
        var actor = runner.role().orElseThrow();
        validation.check(change);
        if (change.role() == CommunityRole.OWNER) {
            throw Rejection.invalid("role", "membership.role.notOwner");
        }
        var current = store.role(community.id(), accountId)
                .orElseThrow(() -> Rejection.notFound("membership.member.notFound"));
        if (current == CommunityRole.OWNER) {
            throw Rejection.forbidden("membership.role.owner");
        }
        boolean touchesAdmins = current == CommunityRole.ADMIN || change.role() == CommunityRole.ADMIN;
        if (touchesAdmins && actor != CommunityRole.OWNER) {
            throw Rejection.forbidden("membership.role.ownerOnlyAdmins");
        }
        admission.lock(community);
        if (current == change.role()) {
            return;
        }
        store.setRole(community.id(), accountId, change.role());
        events.publishEvent(new MemberRoleChanged(community.id(), accountId, current, change.role(), viewer.accountId()));
        store.audit(community.id(), viewer.accountId(), accountId, "ROLE_CHANGED", current + "→" + change.role(), now());
    }

    /** Nobody acts on the owner; only the owner acts on admins. */
    private static void checkMayActOn(CommunityRole actor, CommunityRole target) {
        if (target == CommunityRole.OWNER) {
            throw Rejection.forbidden("membership.notOnOwner");
        }
        if (target == CommunityRole.ADMIN && actor != CommunityRole.OWNER) {
            throw Rejection.forbidden("membership.ownerOnlyAdmins");
        }
    }

    private void drop(CommunityInfo community, long accountId, MemberLeft.Reason reason) {
        store.delete(community.id(), accountId, now());
        store.syncSeats(community.id());
        events.publishEvent(new MemberLeft(community.id(), accountId, reason));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
