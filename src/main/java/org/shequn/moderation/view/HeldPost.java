package org.shequn.moderation.view;

import java.time.OffsetDateTime;

/** A post held by a banned word until a moderator approves it. */
public record HeldPost(long id, String title, String text, long authorId, String authorName, OffsetDateTime createdAt) {
}
