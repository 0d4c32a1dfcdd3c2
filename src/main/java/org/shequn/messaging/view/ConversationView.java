package org.shequn.messaging.view;

import java.util.List;

/**
 * The conversation page: the other person, whether I may write to them now, the newest messages oldest first
 * (as they are read) and the cursor of the older ones (null when there are none).
 */
public record ConversationView(long otherId, String otherName, String otherAvatarUrl, boolean canSend,
                               List<MessageView> messages, String older) {
}
