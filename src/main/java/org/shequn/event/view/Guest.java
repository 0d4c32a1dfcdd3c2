package org.shequn.event.view;

import java.time.OffsetDateTime;
import java.util.List;

/** A registration as staff see it at the door and afterwards; {@code noShow}: held a seat, the event ended, never came. */
public record Guest(long registrationId, long accountId, String displayName, String state, List<String> answers,
                    OffsetDateTime registeredAt, Integer waitlistPosition, OffsetDateTime checkedInAt,
                    String checkedInByName, boolean noShow) {
}
