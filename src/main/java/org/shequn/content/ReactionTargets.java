package org.shequn.content;

import java.util.Map;
import java.util.Set;
import org.shequn.membership.Standing;

/**
 * What the reaction module reads of posts and comments: what a member may react to, and which of a post's
 * comments (with the stickers they carry) the member may see. The caller has passed the community gate.
 */
public interface ReactionTargets {

    /**
     * The post as this member may see it or, with {@code commentId}, a comment of it every member may see
     * (neither deleted nor hidden); a 404 {@link org.shequn.shared.Rejection} otherwise.
     */
    Target target(Standing viewer, long postId, Long commentId);

    /** What is reacted to, and who wrote it. */
    record Target(long postId, Long commentId, long authorId) {
    }

    /**
     * The post's comments whose reactions and sticker the member may not see, as they may not see their text:
     * deleted ones, and hidden ones unless the member runs the community or wrote the held comment.
     */
    Set<Long> unseenComments(Standing viewer, long postId);

    /** comment id → the sticker it carries, for the post's comments that carry one (deleted stickers too). */
    Map<Long, Long> commentStickers(long postId);
}
