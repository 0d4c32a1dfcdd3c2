package org.shequn.announcement.view;

import java.time.OffsetDateTime;

/**
 * One announcement as a member reads it: {@code body} is the Markdown source, {@code html} its sanitized rendering
 * (the only form to show); {@code read}: whether this viewer has read it.
 */
public record AnnouncementView(long id, String title, String body, String html, long authorId, String authorName,
                               OffsetDateTime publishedAt, OffsetDateTime editedAt, boolean withdrawn, boolean read) {
}
