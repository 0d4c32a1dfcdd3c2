package org.shequn.community;

/** A community became read-only ({@code archived}) or writable again. */
public record CommunityArchived(long communityId, long byAccountId, boolean archived) {
}
