package org.shequn.membership;

/**
 * Whether a community charges for entry now: an interface the entry module implements (it sits above membership), so
 * that joining and approval send a newcomer to checkout instead of letting them in for free. Without an
 * implementation nothing is charged.
 */
public interface EntryCharge {

    boolean charges(long communityId);
}
