package org.shequn.messaging;

import java.time.OffsetDateTime;
import org.shequn.shared.Rejection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How fast one person may write: messages per minute, and new conversations (people not written to before) per
 * hour, which is what keeps a spammer from reaching a whole community. Counted in the database under the sender's
 * lock row, inside the sending transaction, so simultaneous sends from any node are counted one after the other.
 */
@Component
class MessagePace {

    private final MessagingStore store;
    private final int perMinute;
    private final int newPerHour;

    MessagePace(MessagingStore store,
                @Value("${shequn.messaging.messages-per-minute:20}") int perMinute,
                @Value("${shequn.messaging.new-conversations-per-hour:5}") int newPerHour) {
        this.store = store;
        this.perMinute = perMinute;
        this.newPerHour = newPerHour;
    }

    /** Needs the sending transaction: the lock is held until it ends. */
    void check(long sender, boolean newConversation, OffsetDateTime now) {
        store.lockSender(sender);
        if (store.messagesSentSince(sender, now.minusMinutes(1)) >= perMinute) {
            throw Rejection.tooMany("messaging.rate.messages", perMinute);
        }
        if (newConversation && store.conversationsStartedSince(sender, now.minusHours(1)) >= newPerHour) {
            throw Rejection.tooMany("messaging.rate.conversations", newPerHour);
        }
    }
}
