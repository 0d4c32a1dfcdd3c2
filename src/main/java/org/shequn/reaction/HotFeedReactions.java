package org.shequn.reaction;

import org.shequn.content.PostActivity;
import org.springframework.context.event.EventListener;
import org.shequn.content.PostActivity;
import org.springframework.stereotype.Component;

/**
 * Tells content's hot feed about each reaction added or taken back. Synchronous, inside the reacting
 * transaction: the post's counters commit or roll back with the reaction, and each one counts exactly once.
 */
@Component
class HotFeedReactions {

    private final PostActivity activity;

    HotFeedReactions(PostActivity activity) {
        this.activity = activity;
    }

    @EventListener
    void on(ReactionAdded added) {
        activity.reactionAdded(added.postId(), added.commentId(), added.reactorId());
    }

    @EventListener
    void on(ReactionRemoved removed) {
        activity.reactionRemoved(removed.postId(), removed.commentId());
    }
}
