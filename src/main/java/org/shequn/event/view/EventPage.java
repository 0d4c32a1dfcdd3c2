package org.shequn.event.view;

/** The event's page: the event and the community around it. */
public record EventPage(String slug, String communityName, boolean archived, EventView event) {
}
