/**
 * Private messages (私信): one-to-one conversations between people who are friends or share a community, as each
 * recipient allows ({@link org.shequn.messaging.Acceptance}), never across a block; unread counts; rate limits
 * counted in the database; reports of a message to the platform operators, who see the reported message only.
 * Only the two people read a conversation. Other modules hear of a new message through
 * {@link org.shequn.messaging.MessageSent} and read it for its two people through
 * {@link org.shequn.messaging.PrivateMessages} (the live module pushes it to their open pages).
 * The {@code web} sub-package holds its HTTP endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Private messages",
        allowedDependencies = {"identity", "membership", "profile", "social", "shared"})
package org.shequn.messaging;
