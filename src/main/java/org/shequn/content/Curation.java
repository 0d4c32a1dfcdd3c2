package org.shequn.content;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.content.PostCurated.Mark;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Owners and admins pin posts (at most three per community) and mark them featured (精华). */
@Service
public class Curation {

    private final VisiblePosts visible;
    private final ContentAccess access;
    private final Publishing publishing;
    private final PostStore posts;
    private final ContentLocks locks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Curation(VisiblePosts visible, ContentAccess access, Publishing publishing, PostStore posts, ContentLocks locks,
             ApplicationEventPublisher events, Clock clock) {
        this.visible = visible;
        this.access = access;
        this.publishing = publishing;
        this.posts = posts;
        this.locks = locks;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void pin(Viewer viewer, String slug, long postId, boolean on) {
        var seat = access.runner(viewer, slug);
        if (on) {
            // simultaneous pins in one community count one after the other (and see each other's pins)
            locks.community(seat.communityId());
        }
        var post = visible.get(seat, postId);
        if (on == (post.pinnedAt() != null)) {
            return;
        }
        if (on) {
            if (!posts.pin(seat.communityId(), post.id(), now())) {
                throw Rejection.conflict("content.pin.tooMany", PostStore.MAX_PINNED);
            }
        } else {
            posts.unpin(post.id());
        }
        events.publishEvent(new PostCurated(post.id(), seat.communityId(), post.authorId(), seat.accountId(), Mark.PINNED, on));
    }

    @Transactional
    public void feature(Viewer viewer, String slug, long postId, boolean on) {
        var seat = access.runner(viewer, slug);
        var post = visible.get(seat, postId);
        if (on == (post.featuredAt() != null)) {
            return;
        }
        posts.setFeatured(post.id(), on ? now() : null);
        events.publishEvent(new PostCurated(post.id(), seat.communityId(), post.authorId(), seat.accountId(), Mark.FEATURED, on));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
