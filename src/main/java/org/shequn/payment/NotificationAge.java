package org.shequn.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A signed notification is believed only within five minutes of when it says it was signed (either way, for clocks
 * that differ a little): a captured one replayed later is refused even though its signature is good. WeChat's SDK
 * verifies the signature but not the age, so the channel checks it here.
 */
final class NotificationAge {

    static final Duration LIMIT = Duration.ofMinutes(5);

    private NotificationAge() {
    }

    static void requireFresh(String epochSeconds, Clock clock) {
        long seconds;
        try {
            seconds = Long.parseLong(epochSeconds == null ? "" : epochSeconds.strip());
        } catch (NumberFormatException e) {
            throw new PaymentChannel.Refused("timestamp missing or malformed");
        }
        var age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(LIMIT) > 0) {
            throw new PaymentChannel.Refused("timestamp too old or in the future");
        }
    }
}
