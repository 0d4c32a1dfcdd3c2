package org.shequn.content;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.shequn.membership.Standing;
import org.shequn.shared.Cursor;

/**
 * What moderation may do to posts and comments, and read of them. Content keeps their states: a change goes
 * through the post's or comment's lifecycle here, and what it announces is published here, in the caller's
 * transaction. The caller has checked that the viewer runs the community and that it is not archived.
 */
public interface ModeratedContent {

    /**
     * A post this viewer may report: one they may see (else 404) and not their own (else 400, as
     * {@code ContentPolicy.mayReport} says and the page shows no 举报 there).
     */
    void requireReportable(Standing viewer, long postId);

    /**
     * A comment this viewer may report: one they may see (a hidden one only if they run the community, else 404)
     * and not their own (else 400); returns its post's id.
     */
    long requireReportableComment(Standing viewer, long commentId);

    /**
     * Hides a post, or shows it again (showing a held one approves it, and only then is it announced as new).
     * Empty when it is already so; 404 when there is no such post or it is deleted.
     */
    Optional<Decided> hidePost(Standing runner, long postId, boolean hide);

    /** As {@link #hidePost}, for a comment; hiding a held comment changes nothing (rejecting it is deleting it). */
    Optional<Decided> hideComment(Standing runner, long commentId, boolean hide);

    /** What a hide or show changed: {@code approved} when a held text was shown, and so published. */
    record Decided(long postId, Long commentId, long authorId, String title, boolean approved) {
    }

    /** Posts held for review, newest first, after {@code before} (null: the newest). */
    List<Item> heldPosts(long communityId, Cursor before, int limit);

    /** Comments held for review, newest first, after {@code before} (null: the newest). */
    List<Item> heldComments(long communityId, Cursor before, int limit);

    /** A post whatever its state, for the queue that shows what was reported; empty if it never existed here. */
    Optional<Item> post(long communityId, long postId);

    /** A comment whatever its state; empty if it never existed here. */
    Optional<Item> comment(long communityId, long commentId);

    /**
     * A post or comment as the moderation queue shows it: {@code id} is the post's or the comment's,
     * {@code excerpt} plain text (pages escape it), {@code title} empty for a comment.
     */
    record Item(long id, long postId, Long commentId, long authorId, String title, String excerpt, boolean hidden,
                boolean deleted, OffsetDateTime createdAt) {
    }
}
