package org.shequn.event.view;

import java.time.OffsetDateTime;

/**
 * A picture in an event's album: {@code url} is the members-only address that serves it; {@code mayDelete} when the
 * viewer uploaded it or is the event's staff.
 */
public record EventPhoto(long id, long accountId, String uploaderName, String url, OffsetDateTime createdAt,
                         boolean mayDelete) {
}
