package org.shequn.event;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.shequn.shared.Rejection;

/**
 * When an event happens: a start and an end as local date-times in an IANA zone. Offsets ("+08:00") and
 * abbreviations are refused, since an event in Shanghai or Berlin follows its zone's rules, summer time included.
 */
record EventSchedule(ZoneId zone, LocalDateTime startLocal, LocalDateTime endLocal) {

    static EventSchedule of(String zone, String start, String end) {
        var id = zone(zone);
        var from = local("start", start);
        var to = local("end", end);
        if (!to.isAfter(from)) {
            throw Rejection.invalid("end", "event.end.beforeStart");
        }
        return new EventSchedule(id, from, to);
    }

    static ZoneId zone(String zone) {
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw Rejection.invalid("zone", "event.zone.unknown", zone);
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw Rejection.invalid("zone", "event.zone.unknown", zone);
        }
    }

    static LocalDateTime local(String field, String text) {
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Rejection.invalid(field, "event.time.format");
        }
    }

    OffsetDateTime startsAt() {
        return at(startLocal);
    }

    OffsetDateTime endsAt() {
        return at(endLocal);
    }

    OffsetDateTime at(LocalDateTime local) {
        return local.atZone(zone).toOffsetDateTime();
    }
}
