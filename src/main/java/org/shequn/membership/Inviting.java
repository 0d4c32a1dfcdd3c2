package org.shequn.membership;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.shequn.community.CommunityInfo;
import org.shequn.membership.view.InvitationView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations (邀请): owner and admins may always invite, other members when the community lets them.
 * Each invitation records its creator, so every member brought in is attributed to who invited them.
 */
@Service
public class Inviting {

    static final int MAX_HOURS = 90 * 24;
    static final int LIST_LIMIT = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The invitations a member may see in a community; {@code all} when they run it (and so see everyone's). */
    public record Listed(CommunityInfo community, boolean all, List<InvitationView> invitations) {
    }

    /** One invitation with the community it invites to: what its QR code and its poster show. */
    public record Shown(CommunityInfo community, InvitationView invitation) {
    }

    private final CommunityGate gate;
    private final Admission admission;
    private final InvitationStore invitations;
    private final MembershipStore store;
    private final MembershipViews views;
    private final Validation validation;
    private final Clock clock;

    Inviting(CommunityGate gate, Admission admission, InvitationStore invitations, MembershipStore store,
             MembershipViews views, Validation validation, Clock clock) {
        this.gate = gate;
        this.admission = admission;
        this.invitations = invitations;
        this.store = store;
        this.views = views;
        this.validation = validation;
        this.clock = clock;
    }

    @Transactional
    public InvitationView create(Viewer viewer, String slug, InvitationTerms terms) {
        var member = gate.of(viewer, slug).requireMember();
        var community = member.community();
        validation.check(terms);
        var role = member.role().orElseThrow();
        if (!role.runsCommunity() && !community.membersMayInvite()) {
            throw Rejection.forbidden("membership.invitation.notAllowed");
        }
        Admission.checkWritable(community);
        var now = OffsetDateTime.now(clock);
        var expires = terms.expiresInHours() == null ? null : now.plusHours(terms.expiresInHours());
        long id = invitations.insert(community.id(), newCode(), viewer.accountId(), expires, terms.maxUses(), now);
        store.audit(community.id(), viewer.accountId(), null, "INVITATION_CREATED", "#" + id, now);
        return views.invitationView(community, invitations.byId(id).orElseThrow());
    }

    /**
     * One invitation, to whoever may see it in the list (its QR code, its poster); 404 for anyone else. A revoked
     * or expired one is still shown (its maker may look back at what was sent); the link itself then refuses.
     */
    public Shown one(Viewer viewer, String slug, long id) {
        var member = gate.of(viewer, slug).requireMember();
        var community = member.community();
        boolean all = member.role().orElseThrow().runsCommunity();
        return invitations.byId(id).filter(i -> i.communityId() == community.id())
                .filter(i -> all || (community.membersMayInvite() && i.createdBy() == viewer.accountId()))
                .map(i -> new Shown(community, views.invitationView(community, i)))
                .orElseThrow(() -> Rejection.notFound("membership.invitation.notFound"));
    }

    /** Owner and admins see every invitation; other members see the ones they made. */
    public Listed list(Viewer viewer, String slug) {
        var member = gate.of(viewer, slug).requireMember();
        var community = member.community();
        var role = member.role().orElseThrow();
        boolean all = role.runsCommunity();
        if (!all && !community.membersMayInvite()) {
            throw Rejection.forbidden("membership.invitation.notAllowed");
        }
        return new Listed(community, all, views.invitationViews(community,
                invitations.list(community.id(), all ? null : viewer.accountId(), LIST_LIMIT)));
    }

    @Transactional
    public void revoke(Viewer viewer, String slug, long invitationId) {
        var member = gate.of(viewer, slug).requireMember().requireWritable("membership.archived");
        var community = member.community();
        var role = member.role().orElseThrow();
        var invitation = invitations.byId(invitationId).filter(i -> i.communityId() == community.id())
                .orElseThrow(() -> Rejection.notFound("membership.invitation.notFound"));
        if (!role.runsCommunity() && invitation.createdBy() != viewer.accountId()) {
            throw Rejection.forbidden("membership.invitation.notYours");
        }
        if (invitation.revokedAt() != null) {
            throw Rejection.conflict("membership.invitation.REVOKED");
        }
        var now = OffsetDateTime.now(clock);
        invitations.revoke(invitation.id(), now);
        store.audit(community.id(), viewer.accountId(), null, "INVITATION_REVOKED", "#" + invitation.id(), now);
    }

    /** 16 random bytes, URL-safe: 22 characters nobody can guess. */
    static String newCode() {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
