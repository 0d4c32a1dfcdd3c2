package org.shequn.content;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A post's transitions and the events they announce: the one place a post's news is made. */
final class PostLifecycle {

    private PostLifecycle() {
    }

    /** What a transition writes and what, if anything, other modules hear of it. */
    record Transition(long postId, StateChange change, Optional<Object> event) {
    }

    /** A new post every member may see: followers, search and live pages hear of it. */
    static PostPublished published(long postId, long communityId, Long sectionId, long authorId, String kind) {
        return new PostPublished(postId, communityId, sectionId, authorId, PostKind.valueOf(kind));
    }

    /** An edit held for review: the post leaves the feed, and those who run the community are told. */
    static Transition hold(PostRow post, OffsetDateTime now) {
        return new Transition(post.id(), StateChange.hold(post.state(), now),
                Optional.of(new HeldForReview(post.communityId(), post.id(), null, post.authorId())));
    }

    /** Held for review when first written: only those who run the community hear of it, to review it. */
    static Transition holdNew(long postId, long communityId, long authorId, OffsetDateTime now) {
        return new Transition(postId, StateChange.hold(ContentState.PUBLISHED, now),
                Optional.of(new HeldForReview(communityId, postId, null, authorId)));
    }

    static Transition hide(PostRow post, long by, OffsetDateTime now) {
        return new Transition(post.id(), StateChange.hide(post.state(), by, now), Optional.empty());
    }

    /** Showing a post again: a held one is approved, and only then announced as new; a hidden one is restored. */
    static Transition show(PostRow post) {
        if (post.state() == ContentState.HELD) {
            return new Transition(post.id(), StateChange.approve(post.state()), Optional.of(
                    published(post.id(), post.communityId(), post.sectionId(), post.authorId(), post.kind())));
        }
        return new Transition(post.id(), StateChange.restore(post.state()), Optional.empty());
    }

    static Transition delete(PostRow post, long by, OffsetDateTime now) {
        return new Transition(post.id(), StateChange.delete(post.state(), by, now),
                Optional.of(new PostRemoved(post.id(), post.communityId(), post.authorId(), by)));
    }
}
