package org.shequn.membership;

/** Something a sub-group has of its own (a challenge, an event, a poll, an election), as the group's page links it. */
public record GroupItem(long id, String title, String href) {
}
