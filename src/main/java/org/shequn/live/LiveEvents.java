package org.shequn.live;

import org.shequn.content.CommentAdded;
import org.shequn.content.CommentRemoved;
import org.shequn.content.ModerationDecided;
import org.shequn.content.PostPublished;
import org.shequn.content.PostRemoved;
import org.shequn.content.ReactionAdded;
import org.shequn.content.ReactionRemoved;
import org.shequn.live.LiveMessage.Kind;
import org.shequn.membership.MemberLeft;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns content and membership events into broadcasts, after the writer's commit. Only ids travel: every
 * node reads the item itself, so a post hidden in the meantime is never pushed.
 */
@Component
class LiveEvents {

    private final Broadcast broadcast;

    LiveEvents(Broadcast broadcast) {
        this.broadcast = broadcast;
    }

    @ApplicationModuleListener
    void on(PostPublished e) {
        broadcast.send(new LiveMessage(e.communityId(), e.postId(), Kind.POST, e.postId()));
    }

    @ApplicationModuleListener
    void on(PostRemoved e) {
        broadcast.send(new LiveMessage(e.communityId(), e.postId(), Kind.POST_REMOVED, e.postId()));
    }

    @ApplicationModuleListener
    void on(CommentAdded e) {
        broadcast.send(new LiveMessage(e.communityId(), e.postId(), Kind.COMMENT, e.commentId()));
    }

    @ApplicationModuleListener
    void on(CommentRemoved e) {
        broadcast.send(new LiveMessage(e.communityId(), e.postId(), Kind.COMMENT_REMOVED, e.commentId()));
    }

    @ApplicationModuleListener
    void on(ReactionAdded e) {
        reaction(e.communityId(), e.postId(), e.commentId());
    }

    @ApplicationModuleListener
    void on(ReactionRemoved e) {
        reaction(e.communityId(), e.postId(), e.commentId());
    }

    /** A moderator hid or deleted something: it leaves the open pages too. */
    @ApplicationModuleListener
    void on(ModerationDecided e) {
        switch (e.action()) {
            case POST_HIDDEN, POST_DELETED -> {
                if (e.postId() != null) {
                    broadcast.send(new LiveMessage(e.communityId(), e.postId(), Kind.POST_REMOVED, e.postId()));
                }
            }
            case COMMENT_HIDDEN, COMMENT_DELETED -> {
                if (e.postId() != null && e.commentId() != null) {
                    broadcast.send(new LiveMessage(e.communityId(), e.postId(), Kind.COMMENT_REMOVED, e.commentId()));
                }
            }
            default -> {
                // approvals publish PostPublished; restores show on the next reload
            }
        }
    }

    /** Every node closes the streams of someone who is no longer a member. */
    @ApplicationModuleListener
    void on(MemberLeft e) {
        broadcast.send(new LiveMessage(e.communityId(), 0, Kind.MEMBER_LEFT, e.accountId()));
    }

    private void reaction(long communityId, long postId, Long commentId) {
        broadcast.send(commentId == null
                ? new LiveMessage(communityId, postId, Kind.POST_REACTION, postId)
                : new LiveMessage(communityId, postId, Kind.COMMENT_REACTION, commentId));
    }
}
