package org.shequn.membership.view;

import java.time.OffsetDateTime;

/** An invitation with its code, link and state (ACTIVE, REVOKED, EXPIRED, USED_UP). */
public record InvitationView(long id, String code, String link, long createdBy, String creatorName,
                             OffsetDateTime createdAt, OffsetDateTime expiresAt, Integer maxUses, int uses,
                             String state) {

    public boolean active() {
        return "ACTIVE".equals(state);
    }
}
