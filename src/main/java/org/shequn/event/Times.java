package org.shequn.event;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** An instant as an event's guests read it: in the event's own zone, to the minute. */
public final class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Times() {
    }

    public static String format(OffsetDateTime at, String zone) {
        return at == null ? "" : MINUTES.format(at.atZoneSameInstant(ZoneId.of(zone)));
    }
}
