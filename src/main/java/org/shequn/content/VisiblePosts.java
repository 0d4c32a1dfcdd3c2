package org.shequn.content;

import org.shequn.membership.Standing;
import org.shequn.shared.Rejection;
import org.springframework.stereotype.Component;

/**
 * The one answer to "this post as this viewer may see it, or 404": deleted posts for nobody, hidden ones for those
 * who run the community, a held one also for its author, waiting.
 */
@Component
class VisiblePosts {

    private final PostStore posts;

    VisiblePosts(PostStore posts) {
        this.posts = posts;
    }

    PostRow get(Standing viewer, long postId) {
        return posts.byId(viewer.communityId(), postId).filter(p -> p.visibleTo(viewer))
                .orElseThrow(() -> Rejection.notFound("content.post.notFound"));
    }

    boolean sees(Standing viewer, long postId) {
        return posts.byId(viewer.communityId(), postId).filter(p -> p.visibleTo(viewer)).isPresent();
    }
}
