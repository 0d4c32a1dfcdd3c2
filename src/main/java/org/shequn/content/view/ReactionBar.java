package org.shequn.content.view;

import java.util.List;

/**
 * The reactions on a post ({@code commentId} null) or a comment: likes (赞) and sticker reactions grouped with
 * their counts; {@code liked} and {@code mine} mark the viewer's own.
 */
public record ReactionBar(String slug, long postId, Long commentId, int likes, boolean liked,
                          List<ReactionCount> stickers, boolean canReact) {
}
