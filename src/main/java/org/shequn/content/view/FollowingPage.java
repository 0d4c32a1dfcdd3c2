package org.shequn.content.view;

import java.util.List;

/** Posts by people I follow, across the communities I am a member of, newest first. */
public record FollowingPage(List<Item> items, String next, boolean followsAnyone) {

    /** A post with the community it was written in. */
    public record Item(String slug, String communityName, PostCard post) {
    }
}
