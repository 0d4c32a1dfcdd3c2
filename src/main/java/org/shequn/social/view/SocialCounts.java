package org.shequn.social.view;

/** How many follow a person, whom they follow, and how many of those are mutual (friends). */
public record SocialCounts(long followers, long following, long friends) {
}
