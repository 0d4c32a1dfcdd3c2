package org.shequn.content;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A comment's transitions and the events they announce: the one place a comment's news is made. */
final class CommentLifecycle {

    private CommentLifecycle() {
    }

    /** What a transition writes and what, if anything, other modules hear of it. */
    record Transition(long commentId, StateChange change, Optional<Object> event) {
    }

    /**
     * A comment becomes public (at writing, or when a held one is approved): notifications, search, live pages and
     * the hot score hear of it; the hot feed counts it on its post in the same transaction.
     */
    static CommentAdded published(PostRow post, long commentId, Long parentId, long authorId, Long repliedToAuthorId) {
        return new CommentAdded(commentId, post.id(), post.communityId(), parentId, authorId, post.authorId(),
                repliedToAuthorId);
    }

    /**
     * Held for review when first written: nobody hears of it (no count, notification, index or live push) but those
     * who run the community, to review it.
     */
    static Transition holdNew(PostRow post, long commentId, long authorId, OffsetDateTime now) {
        return new Transition(commentId, StateChange.hold(ContentState.PUBLISHED, now),
                Optional.of(new HeldForReview(post.communityId(), post.id(), commentId, authorId)));
    }

    static Transition hide(CommentRow comment, long by, OffsetDateTime now) {
        return new Transition(comment.id(), StateChange.hide(comment.state(), by, now), Optional.empty());
    }

    /** Showing a comment again: a held one is approved and only then announced; a hidden one is restored. */
    static Transition show(CommentRow comment, PostRow post, Long repliedToAuthorId) {
        if (comment.state() == ContentState.HELD) {
            return new Transition(comment.id(), StateChange.approve(comment.state()),
                    Optional.of(published(post, comment.id(), comment.parentId(), comment.authorId(), repliedToAuthorId)));
        }
        return new Transition(comment.id(), StateChange.restore(comment.state()), Optional.empty());
    }

    /** A held comment (rejected, or withdrawn by its author) was never counted nor announced, so nothing is withdrawn. */
    static Transition delete(CommentRow comment, long by, OffsetDateTime now) {
        var change = StateChange.delete(comment.state(), by, now);
        return new Transition(comment.id(), change, Optional.of(new CommentRemoved(comment.id(), comment.postId(),
                comment.communityId(), comment.authorId(), by, change.withdraws())));
    }
}
