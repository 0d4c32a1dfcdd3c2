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

    static Transition hold(PostRow post, OffsetDateTime now) {
        return new Transition(post.id(), StateChange.hold(post.state(), now), Optional.empty());
    }

    /** Held for review when first written: nobody hears of it yet. */
    static Transition holdNew(long postId, OffsetDateTime now) {
        return new Transition(postId, StateChange.hold(ContentState.PUBLISHED, now), Optional.empty());
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
