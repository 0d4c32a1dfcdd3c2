package org.shequn.event;

import java.time.OffsetDateTime;
import java.util.List;

/** An event starts in {@code hoursBefore} hours: its registered guests are reminded (once per event and stage). */
public record EventReminderDue(long communityId, long eventId, String title, OffsetDateTime startsAt, int hoursBefore,
                               List<Long> guestIds) {
}
