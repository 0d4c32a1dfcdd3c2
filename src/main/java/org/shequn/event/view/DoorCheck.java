package org.shequn.event.view;

import java.time.OffsetDateTime;

/**
 * What opening a ticket link gives: CHECKED_IN (green, 已签到), ALREADY_USED (red, 已使用: when and by whom),
 * REFUSED (yellow, 不可签到, with the reason's message key), or OWN_TICKET for a guest who opens their own link
 * (nobody is checked in). Names and the event are shown only to staff and to the ticket's own guest.
 */
public record DoorCheck(Outcome outcome, String reasonKey, String slug, Long eventId, String eventTitle,
                        String guestName, OffsetDateTime at, String byName) {

    public enum Outcome {
        CHECKED_IN, ALREADY_USED, REFUSED, OWN_TICKET
    }

    public static DoorCheck refused(String reasonKey) {
        return new DoorCheck(Outcome.REFUSED, reasonKey, null, null, null, null, null, null);
    }
}
