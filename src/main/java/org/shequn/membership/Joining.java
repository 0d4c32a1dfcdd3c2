package org.shequn.membership;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.community.CommunityInfo;
import org.shequn.community.EntryPolicy;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining at once: an open community without more ado, any community with a valid invitation code.
 * A code bypasses approval, never the ban, the verification requirements or the cap.
 */
@Service
public class Joining {

    private final CommunityGate gate;
    private final Admission admission;
    private final InvitationStore invitations;
    private final Clock clock;
    private final ObjectProvider<EntryCharge> charge;

    Joining(CommunityGate gate, Admission admission, InvitationStore invitations, Clock clock,
            ObjectProvider<EntryCharge> charge) {
        this.gate = gate;
        this.admission = admission;
        this.invitations = invitations;
        this.clock = clock;
        this.charge = charge;
    }

    /** Whether the community charges for entry: then the way in is its checkout, not this. */
    boolean charges(CommunityInfo community) {
        var source = charge.getIfAvailable();
        return source != null && source.charges(community.id());
    }

    @Transactional
    public CommunityInfo join(Viewer viewer, String slug, String code) {
        var community = gate.of(viewer, slug).requireSignedIn().community();
        Admission.checkWritable(community);
        var normalizedCode = code == null || code.isBlank() ? null : code.strip();
        if (normalizedCode == null && community.entryPolicy() == EntryPolicy.INVITATION) {
            throw Rejection.invalid("code", "membership.invitation.required");
        }
        if (normalizedCode == null && community.entryPolicy() == EntryPolicy.APPROVAL) {
            throw Rejection.forbidden("membership.approvalRequired");
        }
        if (charges(community)) {
            throw Rejection.forbidden("membership.entry.payFirst", "/c/" + community.slug() + "/entry");
        }
        int members = admission.lock(community);
        admission.checkMayEnter(community, viewer.accountId(), true);
        if (normalizedCode == null) {
            Admission.checkSeat(community, members);
            admission.enrol(community, viewer.accountId(), JoinedVia.OPEN, null, null);
            return community;
        }
        var invitation = usable(community, normalizedCode);
        Admission.checkSeat(community, members);
        invitations.use(invitation.id());
        admission.enrol(community, viewer.accountId(), JoinedVia.INVITATION, invitation.createdBy(), invitation.id());
        return community;
    }

    /** The invitation behind a code, or the reason it cannot be used (unknown, revoked, expired, used up). */
    InvitationStore.InvitationRow usable(CommunityInfo community, String code) {
        var invitation = code.length() > 32 ? null
                : invitations.byCode(code).filter(i -> i.communityId() == community.id()).orElse(null);
        if (invitation == null) {
            throw Rejection.invalid("code", "membership.invitation.unknown");
        }
        var state = InvitationState.of(invitation, OffsetDateTime.now(clock));
        if (state != InvitationState.ACTIVE) {
            throw Rejection.conflictOn("code", "membership.invitation." + state.name());
        }
        return invitation;
    }
}
