package org.shequn.event;

import java.util.List;

/** A runner called an event off: everyone registered or waiting hears of it. */
public record EventCancelled(long communityId, long eventId, String title, long byAccountId, List<Long> guestIds) {
}
