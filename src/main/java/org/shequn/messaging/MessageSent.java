package org.shequn.messaging;

/** A private message was sent: only ids, so whoever hears it reads the message itself. */
public record MessageSent(long messageId, long senderId, long recipientId) {
}
