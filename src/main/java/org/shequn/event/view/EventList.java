package org.shequn.event.view;

import java.util.List;

/** A community's events: upcoming soonest first, past latest first; {@code mayCreate}: owner or admin, not archived. */
public record EventList(String slug, String communityName, boolean archived, boolean runs, boolean mayCreate,
                        List<EventView> upcoming, List<EventView> past) {
}
