package org.shequn.voting.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A form's {@code datetime-local} value, read and written in China time (the product's home zone). */
final class FormTimes {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private FormTimes() {
    }

    /** Null when empty or not a time: the use case then says the field is required. */
    static OffsetDateTime parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(ZONE).toOffsetDateTime();
        } catch (DateTimeParseException bad) {
            return null;
        }
    }

    /** Now plus {@code days}, to the hour, as the field's default. */
    static String inDays(java.time.Clock clock, int days) {
        return INPUT.format(LocalDateTime.now(clock.withZone(ZONE)).plusDays(days).withMinute(0));
    }
}
