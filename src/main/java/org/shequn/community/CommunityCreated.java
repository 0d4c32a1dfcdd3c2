package org.shequn.community;

/** A community was created; its creator is its owner (the membership module enrols them in the same transaction). */
public record CommunityCreated(long communityId, long ownerId) {
}
