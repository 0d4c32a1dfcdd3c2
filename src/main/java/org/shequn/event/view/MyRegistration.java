package org.shequn.event.view;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The viewer's own registration: {@code waitlistPosition} counts from 1 while waiting; {@code ticketUrl} (the door
 * QR code's link) only while they hold a seat.
 */
public record MyRegistration(String state, List<String> answers, Integer waitlistPosition, String ticketUrl,
                             OffsetDateTime registeredAt, OffsetDateTime checkedInAt, boolean feedbackGiven) {
}
