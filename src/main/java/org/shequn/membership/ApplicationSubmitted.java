package org.shequn.membership;

/** Someone applied to join a community that admits by approval; its owner and admins review it. */
public record ApplicationSubmitted(long applicationId, long communityId, long accountId) {
}
