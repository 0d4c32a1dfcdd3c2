package org.shequn.subgroup;

/**
 * A sub-group's leader election was won by someone who is no longer in the group: the group keeps the leader it had
 * (or none), and the owner is asked to hand it over.
 */
public record SubgroupWinnerGone(long communityId, long subgroupId, String subgroupName, long winnerId) {
}
