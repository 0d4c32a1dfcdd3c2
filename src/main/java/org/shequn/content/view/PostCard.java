package org.shequn.content.view;

import java.time.OffsetDateTime;
import java.util.List;

/** A post in a feed; {@code excerpt} is plain text (pages escape it), {@code unread} means newer than my last visit. */
public record PostCard(long id, String kind, String title, String excerpt, long authorId, String authorName,
                       Long sectionId, String sectionName, List<String> tags, int commentCount, boolean pinned,
                       boolean featured, boolean unread, boolean edited, OffsetDateTime createdAt,
                       QuestionInfo question, int imageCount, MediaView firstImage) {
}
