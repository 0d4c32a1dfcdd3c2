package org.shequn.event.view;

import java.time.OffsetDateTime;

/** An attendee's feedback: a rating of 1 to 5 and a comment (plain text, escaped where shown). */
public record FeedbackView(long accountId, String displayName, int rating, String comment, OffsetDateTime createdAt) {
}
