package org.shequn.checkin.view;

/** One digest card above the feed: a challenge running today, how many have checked in, whether the member has. */
public record DigestCard(long challengeId, String title, long count, boolean done) {
}
