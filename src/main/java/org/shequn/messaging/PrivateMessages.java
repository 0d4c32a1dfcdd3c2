package org.shequn.messaging;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The messaging module's API for other modules (the live module pushes new messages to their two people). */
public interface PrivateMessages {

    /** A message as both its people may see it; empty when there is none (or an operator removed it). */
    Optional<Sent> sent(long messageId);

    /** The account's unread messages over all its conversations (the navigation's badge). */
    int unread(long accountId);

    record Sent(long id, long senderId, String senderName, long recipientId, String body, OffsetDateTime sentAt) {

        /** Whether the account is one of the two people: nobody else is ever sent the message. */
        public boolean between(long accountId) {
            return accountId == senderId || accountId == recipientId;
        }
    }
}
