package org.shequn.event.view;

import java.util.List;

/**
 * The registrations and attendance page: everyone who registered in the order they came, with counts;
 * {@code feedback} only after the event (rating average over those who left one).
 */
public record GuestList(String slug, String communityName, EventView event, List<String> questions, List<Guest> guests,
                        int registered, int waitlisted, int pending, int attended, int noShows, boolean runs,
                        List<FeedbackView> feedback, Double averageRating) {
}
