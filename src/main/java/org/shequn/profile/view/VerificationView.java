package org.shequn.profile.view;

import java.time.OffsetDateTime;
import org.shequn.profile.VerificationKind;

/**
 * A verification request as its requester and the operators see it (never shown to anyone else: it
 * holds the real name). {@code status} is PENDING, APPROVED or REJECTED; {@code evidenceUrl} is null
 * when no file was attached.
 */
public record VerificationView(long id, long accountId, String displayName, VerificationKind kind, String status,
                               String realName, String evidence, String company, String position,
                               String evidenceUrl, OffsetDateTime requestedAt, OffsetDateTime decidedAt,
                               String reason) {

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
