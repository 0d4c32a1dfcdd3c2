package org.shequn.content;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.shequn.shared.Viewer;

/**
 * What the live-update module needs from content: who may watch a feed or a post (the same gate as reading
 * it), and viewer-neutral HTML fragments of new items, rendered once and sent to every watching member.
 */
public interface LiveContent {

    /**
     * Checks that the viewer may read the community (and the section or post) now: anonymous → 401, outsider →
     * 403, unknown community, section or post → 404, as {@link org.shequn.shared.Rejection}s.
     */
    Watch watch(Viewer viewer, String slug, Long sectionId, Long postId);

    /** Whether the account is (still) a member of the community. */
    boolean reads(long communityId, long accountId);

    /** A post every member may see (not hidden, held or deleted) as a feed card; empty otherwise. */
    Optional<Fragment> post(long communityId, long postId);

    /** A comment every member may see, of a post every member may see, as it appears in the thread. */
    Optional<Fragment> comment(long communityId, long commentId);

    /**
     * The reaction counts of a post ({@code commentId} null) or a comment that every member may see, as
     * out-of-band swaps (htmx {@code hx-swap-oob}) of the count elements on the post page: the like count, each
     * sticker's count, and {@code reaction}'s even when it fell to zero. Counts only, never anyone's own
     * "liked" mark. Empty when the post or the comment is hidden, held or deleted.
     */
    Optional<Fragment> reactionCounts(long communityId, long postId, Long commentId, String reaction);

    /** The "N comments" heading of a post every member may see, as an out-of-band swap; empty otherwise. */
    Optional<Fragment> commentCount(long communityId, long postId);

    /** A checked subscription: {@code sectionId} and {@code postId} are null when not narrowed to one. */
    record Watch(long communityId, String slug, Long sectionId, Long postId) {
    }

    /**
     * A new item: {@code id} is the post's or the comment's, {@code parentId} the comment a reply belongs to.
     * {@code html} renders it in a language, without controls that depend on the viewer.
     */
    record Fragment(long communityId, long postId, Long sectionId, long id, Long parentId,
                    Function<Locale, String> html) {
    }
}
