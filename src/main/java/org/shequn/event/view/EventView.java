package org.shequn.event.view;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One event as this viewer sees it. {@code html} is the description's sanitized rendering (the only form to
 * show); {@code onlineUrl} is null unless it is released to this viewer (a registered guest once the release
 * time has come, or staff); {@code mine} is the viewer's registration, null when they have none.
 */
public record EventView(long id, String slug, String title, String description, String html, String kind, String zone,
                        LocalDateTime startsLocal, LocalDateTime endsLocal, OffsetDateTime startsAt, OffsetDateTime endsAt,
                        String place, String mapUrl, boolean hasOnlineLink, String onlineUrl, OffsetDateTime linkReleasedAt,
                        Long speakerId, String speakerName, Integer capacity, int registered, int waitlisted, int pending,
                        boolean approval, List<String> questions, int cancelHours, OffsetDateTime cancelUntil,
                        boolean cancelled, boolean past, boolean started, List<Long> helperIds, MyRegistration mine,
                        boolean mayRegister, boolean mayCancel, boolean staff, boolean runs, String scopeName,
                        boolean mayGiveFeedback) {

    /** Seats left, or null when there is no limit. */
    public Integer seatsLeft() {
        return capacity == null ? null : Math.max(0, capacity - registered);
    }
}
