package org.shequn.content;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.membership.Standing;
import org.shequn.shared.Rejection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How fast a member, and a whole community, may write: counted in the database inside the writing transaction,
 * so every node agrees. The settings keep their {@code shequn.moderation.*} names, from when moderation counted.
 */
@Component
class WritingPace {

    static final int WINDOW_MINUTES = 10;

    private final PostStore posts;
    private final CommentStore comments;
    private final ContentLocks locks;
    private final Clock clock;
    private final int postsPerMember;
    private final int commentsPerMember;
    private final int postsPerCommunity;

    WritingPace(PostStore posts, CommentStore comments, ContentLocks locks, Clock clock,
                @Value("${shequn.moderation.posts-per-member:5}") int postsPerMember,
                @Value("${shequn.moderation.comments-per-member:30}") int commentsPerMember,
                @Value("${shequn.moderation.posts-per-community:200}") int postsPerCommunity) {
        this.posts = posts;
        this.comments = comments;
        this.locks = locks;
        this.clock = clock;
        this.postsPerMember = postsPerMember;
        this.commentsPerMember = commentsPerMember;
        this.postsPerCommunity = postsPerCommunity;
    }

    /**
     * Checks a new post before it is written. Locks the community until the caller commits, so simultaneous posts
     * are counted one after the other (both limits are then exact).
     */
    void post(Standing author) {
        locks.community(author.communityId());
        var since = now().minusMinutes(WINDOW_MINUTES);
        if (posts.writtenSince(author.communityId(), author.accountId(), since, postsPerMember) >= postsPerMember) {
            throw Rejection.tooMany("content.moderation.rate.posts", postsPerMember, WINDOW_MINUTES);
        }
        if (posts.writtenSince(author.communityId(), null, since, postsPerCommunity) >= postsPerCommunity) {
            throw Rejection.tooMany("content.moderation.rate.community", WINDOW_MINUTES);
        }
    }

    /**
     * The member's comment limit, checked after the comment is written and as the last step before commit: the
     * count includes it, and over the limit the caller's transaction rolls back. The member's lock is then held
     * only for the count and the commit, not while the comment is indexed and announced, so the member's next
     * comment, from another tab or node, does not wait for all of that.
     */
    void commented(Standing author) {
        locks.member(author.communityId(), author.accountId());
        if (comments.writtenSince(author.communityId(), author.accountId(), now().minusMinutes(WINDOW_MINUTES),
                commentsPerMember + 1) > commentsPerMember) {
            throw Rejection.tooMany("content.moderation.rate.comments", commentsPerMember, WINDOW_MINUTES);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
