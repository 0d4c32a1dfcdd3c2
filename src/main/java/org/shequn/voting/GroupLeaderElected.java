package org.shequn.voting;

/**
 * A sub-group's leader election (选举组长) was counted and {@code accountId} won its one seat. The subgroup module
 * makes them the group's leader (voting does not know sub-groups beyond their ids); published inside the count's
 * transaction, so the result and the new leader are written together.
 */
public record GroupLeaderElected(long communityId, long subgroupId, long electionId, long accountId, long openedBy) {
}
