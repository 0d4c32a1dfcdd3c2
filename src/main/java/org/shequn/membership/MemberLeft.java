package org.shequn.membership;

/** Someone stopped being a member: they left, were removed, were banned, or had their entry fee refunded. */
public record MemberLeft(long communityId, long accountId, Reason reason) {

    public enum Reason {
        LEFT, REMOVED, BANNED,
        /** The entry fee was refunded within its window: the membership ends with it. */
        REFUNDED
    }
}
