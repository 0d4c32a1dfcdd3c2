package org.shequn.social;

/** Someone started following someone; the followed person is told. */
public record Followed(long followerId, long followeeId, boolean nowFriends) {
}
