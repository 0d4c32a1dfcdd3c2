package org.shequn.membership;

import java.time.OffsetDateTime;

/** Whether an invitation still lets people in, and if not, why. */
enum InvitationState {
    ACTIVE, REVOKED, EXPIRED, USED_UP;

    static InvitationState of(InvitationStore.InvitationRow i, OffsetDateTime now) {
        if (i.revokedAt() != null) {
            return REVOKED;
        }
        if (i.expiresAt() != null && !i.expiresAt().isAfter(now)) {
            return EXPIRED;
        }
        if (i.maxUses() != null && i.uses() >= i.maxUses()) {
            return USED_UP;
        }
        return ACTIVE;
    }
}
