package org.shequn.live;

import org.shequn.content.CommentAdded;
import org.shequn.content.CommentRemoved;
import org.shequn.moderation.ModerationDecided;
import org.shequn.content.PostPublished;
import org.shequn.content.PostRemoved;
import org.shequn.reaction.ReactionAdded;
import org.shequn.reaction.ReactionRemoved;
import org.shequn.live.LiveMessage.Kind;
import org.shequn.membership.MemberLeft;
import org.shequn.messaging.MessageSent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns content, membership and private-message events into broadcasts. Only ids travel: every node reads the item itself, so
 * a post hidden in the meantime is never pushed.
 *
 * <p>Not through the event outbox: a live update is a hint to open pages, worth nothing once late, and pages
 * catch up on reconnect or reload. The listeners run inside the writer's transaction, and the broadcast goes
 * out with its commit (PostgreSQL's NOTIFY is itself transactional): no outbox row to store, mark and delete
 * per listener, and no wait for the outbox's executor between the commit and the open pages.
 */
@Component
class LiveEvents {

    private final Broadcast broadcast;

    LiveEvents(Broadcast broadcast) {
        this.broadcast = broadcast;
    }

    @EventListener
    void on(PostPublished e) {
        broadcast.send(new LiveMessage(e.communityId(), e.postId(), Kind.POST, e.postId()));
    }

    @EventListener
    void on(PostRemoved e) {
        broadcast.send(new LiveMessage(e.communityId(), e.postId(), Kind.POST_REMOVED, e.postId()));
    }

    @EventListener
    void on(CommentAdded e) {
        broadcast.send(new LiveMessage(e.communityId(), e.postId(), Kind.COMMENT, e.commentId()));
    }

    @EventListener
    void on(CommentRemoved e) {
        broadcast.send(new LiveMessage(e.communityId(), e.postId(), Kind.COMMENT_REMOVED, e.commentId()));
    }

    @EventListener
    void on(ReactionAdded e) {
        reaction(e.communityId(), e.postId(), e.commentId(), e.reaction());
    }

    @EventListener
    void on(ReactionRemoved e) {
        reaction(e.communityId(), e.postId(), e.commentId(), e.reaction());
    }

    /** A moderator hid or deleted something: it leaves the open pages too. */
    @EventListener
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
    @EventListener
    void on(MemberLeft e) {
        broadcast.send(new LiveMessage(e.communityId(), 0, Kind.MEMBER_LEFT, e.accountId()));
    }

    /** Only the message's id travels; each node reads it and sends it to the two people's own streams. */
    @EventListener
    void on(MessageSent e) {
        broadcast.send(new LiveMessage(0, 0, Kind.MESSAGE, e.messageId()));
    }

    /** Names the reaction: a count that fell to zero must be cleared on the pages too. */
    private void reaction(long communityId, long postId, Long commentId, String reaction) {
        broadcast.send(commentId == null
                ? new LiveMessage(communityId, postId, Kind.POST_REACTION, postId, reaction)
                : new LiveMessage(communityId, postId, Kind.COMMENT_REACTION, commentId, reaction));
    }
}
