package org.shequn.moderation.view;

import java.time.OffsetDateTime;

/** A comment held by a banned word until a moderator approves it (or deletes it). */
public record HeldComment(long id, long postId, String text, long authorId, String authorName, OffsetDateTime createdAt) {
}
