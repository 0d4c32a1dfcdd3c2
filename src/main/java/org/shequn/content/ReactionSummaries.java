package org.shequn.content;

import gg.jte.Content;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.PageContext;

/**
 * What content's pages show of reactions and stickers: content declares it and the reaction module implements it,
 * so that content never depends on reactions. The post page asks once, before it renders, for the post and all
 * its comments, and places each piece of the reaction module's markup where it belongs.
 */
public interface ReactionSummaries {

    /** The reactions on a post and its comments as this viewer sees them; refused as reading the post is. */
    OnPost sheet(Viewer viewer, String slug, long postId);

    /**
     * One comment as nobody in particular sees it, for a live update: the sticker it carries, no counts yet,
     * nothing to click (a reload brings the controls).
     */
    OnPost bystander(long communityId, String slug, long postId, long commentId);

    /** Likes on each post of a feed page: post id → count (a post nobody liked is left out). */
    Map<Long, Integer> likes(Viewer viewer, String slug, Collection<Long> postIds);

    /** Which of these posts the account liked, in one query for a whole feed page. */
    Set<Long> likedBy(long accountId, Collection<Long> postIds);

    /**
     * The counts of a post's ({@code commentId} null) or a comment's reactions as out-of-band swaps, for
     * {@link LiveContent#reactionCounts}; the caller has checked that every member may see the target.
     */
    String liveCounts(long communityId, long postId, Long commentId, String reaction);

    /** The reactions part of one post page, read in full before the page renders. */
    interface OnPost {

        Content postBar(PageContext ctx);

        Content commentBar(PageContext ctx, long commentId);

        /** The sticker a comment carries ("sticker removed" once it is deleted); nothing when it carries none. */
        Content commentSticker(PageContext ctx, long commentId);

        /** A comment form's choice of sticker ({@code id} tells the forms apart); nothing when none may be used. */
        Content stickerPicker(PageContext ctx, String id);

        /** Whether members may pick a sticker now: a comment may then be a sticker alone, without text. */
        boolean stickersOffered();
    }
}
