package org.shequn.reaction.view;

import java.util.List;

/**
 * The reactions on a post ({@code commentId} null) or a comment: likes (赞) and sticker reactions grouped with
 * their counts; {@code liked} and {@code mine} mark the viewer's own.
 */
public record ReactionBar(String slug, long postId, Long commentId, int likes, boolean liked,
                          List<ReactionCount> stickers, boolean canReact) {

    /** The id of the element showing this bar's count of {@code reaction}, which live updates replace. */
    public String countId(String reaction) {
        return countId(postId, commentId, reaction);
    }

    /** {@code reaction} is "like" or "sticker:<id>": both are safe in an id once the colon is replaced. */
    public static String countId(long postId, Long commentId, String reaction) {
        return "rc-" + (commentId == null ? "p" + postId : "c" + commentId) + "-" + reaction.replace(':', '-');
    }
}
