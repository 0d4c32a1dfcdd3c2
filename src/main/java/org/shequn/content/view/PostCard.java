package org.shequn.content.view;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A post in a feed; {@code excerpt} is plain text (pages escape it), {@code unread} means newer than my last visit.
 * {@code reactionCount} counts the reactions on the post itself (likes and stickers, not its comments'),
 * {@code liked} whether I liked it. {@code hidden} (by a moderator) and {@code held} (for review) are only ever true
 * for viewers who may see such a post: owners and admins, and a held post's author. {@code scopeName}: the
 * sub-group the post is for ("仅 {group} 可见"), null for the whole community's.
 */
public record PostCard(long id, String kind, String title, String excerpt, long authorId, String authorName,
                       Long sectionId, String sectionName, List<String> tags, int commentCount, boolean pinned,
                       boolean featured, boolean unread, boolean edited, OffsetDateTime createdAt,
                       QuestionInfo question, int imageCount, MediaView firstImage, int reactionCount,
                       boolean liked, boolean hidden, boolean held, String scopeName) {
}
