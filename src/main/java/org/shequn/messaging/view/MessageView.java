package org.shequn.messaging.view;

import java.time.OffsetDateTime;

/** One message as one of its two people sees it; {@code body} is null once a platform operator removed it. */
public record MessageView(long id, long senderId, long recipientId, boolean mine, String body, boolean removed,
                          OffsetDateTime sentAt) {
}
