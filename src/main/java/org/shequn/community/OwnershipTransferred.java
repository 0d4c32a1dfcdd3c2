package org.shequn.community;

/** The owner handed the community to another member, who becomes owner; the previous owner becomes an admin. */
public record OwnershipTransferred(long communityId, long previousOwnerId, long newOwnerId) {
}
