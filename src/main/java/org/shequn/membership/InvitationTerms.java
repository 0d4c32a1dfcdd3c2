package org.shequn.membership;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How long (1 hour to 90 days) and how often (1 to 1000 times) a new invitation works; null: no limit. */
public record InvitationTerms(@Min(1) @Max(Inviting.MAX_HOURS) Integer expiresInHours,
                       @Min(1) @Max(1000) Integer maxUses) {
}
