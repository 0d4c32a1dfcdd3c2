package org.shequn.reaction.view;

import java.util.List;
import java.util.Map;

/**
 * Everything about reactions and stickers on one post page: the post's bar, each comment's bar, the sticker each
 * comment carries, and the palette of usable stickers (active packs) for reacting and commenting.
 */
public record ReactionSheet(ReactionBar post, Map<Long, ReactionBar> comments, Map<Long, StickerView> commentStickers,
                            List<StickerView> palette) {

    public ReactionBar of(long commentId) {
        var bar = comments.get(commentId);
        return bar != null ? bar : new ReactionBar(post.slug(), post.postId(), commentId, 0, false, List.of(), post.canReact());
    }
}
