package org.shequn.directory;

import java.util.List;

/**
 * The directory's API for dividing a community (sub-groups): each member with the identity a division goes by, read
 * from the directory's read model in one query.
 */
public interface CommunityMembers {

    /** {@code city} and {@code industry}: as the member wrote them, or null. */
    record Member(long accountId, String displayName, String role, String city, String industry) {
    }

    /** The community's members, in the order they joined. */
    List<Member> of(long communityId);
}
