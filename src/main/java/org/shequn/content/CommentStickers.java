package org.shequn.content;

import org.shequn.membership.Standing;

/**
 * Which sticker a new comment may carry: content declares it and the reaction module, which keeps the sticker
 * packs, implements it. Content stores the chosen sticker with the comment, in the commenting transaction.
 */
public interface CommentStickers {

    /** Whether the member may put this sticker on a comment now: it is the community's, in a pack not archived. */
    boolean usable(Standing author, long stickerId);
}
