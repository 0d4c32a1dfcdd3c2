package org.shequn.content;

/**
 * Activity on posts that happens in other modules and moves the hot feed: a reaction added or taken back. Called
 * inside the transaction that wrote it, once per change, so the post's counters commit or roll back with it.
 */
public interface PostActivity {

    /** A reaction on the post ({@code commentId} null) or on one of its comments; the reactor takes part. */
    void reactionAdded(long postId, Long commentId, long reactorId);

    /** A reaction taken back; one on a comment never counted towards the post. */
    void reactionRemoved(long postId, Long commentId);
}
