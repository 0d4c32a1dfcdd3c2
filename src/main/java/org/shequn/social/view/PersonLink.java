package org.shequn.social.view;

/** Someone in a social list: enough to show their name and link to {@code /people/{id}}. */
public record PersonLink(long id, String displayName) {
}
