package org.shequn.membership.view;

import org.shequn.membership.JoinedVia;
import java.time.OffsetDateTime;

/** A member on the manage page, with who invited them when they came by invitation. */
public record MemberView(long accountId, String name, String role, JoinedVia joinedVia, Long invitedBy,
                         String invitedByName, OffsetDateTime joinedAt) {
}
