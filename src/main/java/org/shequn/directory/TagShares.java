package org.shequn.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The directory's API for the insight module: how many members of a community carry an identity tag, counted in SQL
 * over the directory's tags (never a list of members). Tags are the directory's {@code kind:value} form, values
 * compared without case.
 */
public interface TagShares {

    /** A community's member count and, per tag, how many members carry it. */
    record CommunityTags(long communityId, long members, Map<String, Long> counts) {
    }

    /** The tag for a kind (city, industry, position, school, verified) and value, as the directory stores it. */
    static String tag(String kind, String value) {
        for (var t : DirectoryTag.values()) {
            if (t.prefix.equals(kind)) {
                return t.tag(value);
            }
        }
        throw new IllegalArgumentException(kind);
    }

    /** The tag a member whose real name was verified carries. */
    String REAL_NAME_VERIFIED = "verified:real_name";

    /**
     * Communities in which at least {@code atLeast} members carry one of the tags, with those counts (tags fewer than
     * {@code atLeast} members carry are left out) and each community's member count.
     */
    List<CommunityTags> communitiesWith(Collection<String> tags, int atLeast);

    /** One community's tags that at least {@code atLeast} members carry. */
    CommunityTags of(long communityId, int atLeast);
}
