package org.shequn.membership;

import java.time.OffsetDateTime;

/**
 * A paid membership's term ended without a renewal: the member keeps their history and may renew, but is not a member
 * meanwhile (the gate says "expired"), so the directory no longer lists them. Published once per ended term, by
 * {@link MembershipLapses}; {@link MembershipRenewed} undoes it.
 */
public record MembershipLapsed(long communityId, long accountId, OffsetDateTime expiredAt) {
}
