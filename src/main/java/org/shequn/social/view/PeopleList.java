package org.shequn.social.view;

import java.util.List;

/** One page of one of the viewer's lists (friends, followers, following, blocked). */
public record PeopleList(String kind, List<PersonLink> people, String next) {

    public static final List<String> KINDS = List.of("friends", "followers", "following", "blocked");

    public boolean blockedList() {
        return "blocked".equals(kind);
    }
}
