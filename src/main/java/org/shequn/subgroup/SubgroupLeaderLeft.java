package org.shequn.subgroup;

/** A sub-group's leader left the community: the owner is asked to hand the group to someone. */
public record SubgroupLeaderLeft(long communityId, long subgroupId, String subgroupName, long leaderId) {
}
