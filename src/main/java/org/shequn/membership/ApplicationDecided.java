package org.shequn.membership;

/** An owner or admin approved or rejected an application; {@code reason} is given for a rejection. */
public record ApplicationDecided(long applicationId, long communityId, long accountId, boolean approved,
                                 String reason) {
}
