package org.shequn.messaging.view;

import java.time.OffsetDateTime;

/**
 * One line of my conversations: the other person, the last message (its first line, cut short; null when an
 * operator removed it) and how many of theirs I have not read.
 */
public record ConversationItem(long otherId, String otherName, String otherAvatarUrl, String snippet,
                               boolean lastMine, boolean lastRemoved, OffsetDateTime lastAt, int unread) {
}
