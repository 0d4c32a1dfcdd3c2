package org.shequn.content;

import java.util.Map;
import java.util.Set;
import org.shequn.membership.Standing;
import org.shequn.shared.Rejection;
import org.springframework.stereotype.Component;

/** Content's side of reactions: the posts and comments a member may react to, by the post page's own rules. */
@Component
class ContentTargets implements ReactionTargets {

    private final VisiblePosts visible;
    private final CommentStore comments;

    ContentTargets(VisiblePosts visible, CommentStore comments) {
        this.visible = visible;
        this.comments = comments;
    }

    @Override
    public Target target(Standing viewer, long postId, Long commentId) {
        var post = visible.get(viewer, postId);
        if (commentId == null) {
            return new Target(post.id(), null, post.authorId());
        }
        var comment = comments.byId(viewer.communityId(), commentId)
                .filter(c -> c.postId() == post.id() && !c.deleted() && !c.hidden())
                .orElseThrow(() -> Rejection.notFound("content.comment.notFound"));
        return new Target(post.id(), comment.id(), comment.authorId());
    }

    @Override
    public Set<Long> unseenComments(Standing viewer, long postId) {
        return comments.unseen(postId, viewer.accountId(), viewer.runs());
    }

    @Override
    public Map<Long, Long> commentStickers(long postId) {
        return comments.stickers(postId);
    }
}
