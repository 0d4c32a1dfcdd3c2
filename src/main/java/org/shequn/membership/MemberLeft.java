package org.shequn.membership;

/** Someone stopped being a member: they left, were removed, or were banned. */
public record MemberLeft(long communityId, long accountId, Reason reason) {

    public enum Reason {
        LEFT, REMOVED, BANNED
    }
}
