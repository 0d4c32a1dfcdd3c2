package org.shequn.content;

import org.shequn.membership.Standing;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.shequn.shared.Rejection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What every post and comment passes inside the writing transaction: the author must not be muted, must stay
 * under the rate limits (counted in the database, so every node agrees; a comment's just before commit, with the
 * comment among the rows), and must not use a blocked word. A post or comment with a held word is written hidden,
 * pending review.
 */
@Component
class ModerationGuard {

    static final int WINDOW_MINUTES = 10;
    private static final ZoneId SHOWN_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ModerationStore store;
    private final PostStore posts;
    private final CommentStore comments;
    private final ContentLocks locks;
    private final Clock clock;
    private final int postsPerMember;
    private final int commentsPerMember;
    private final int postsPerCommunity;

    ModerationGuard(ModerationStore store, PostStore posts, CommentStore comments, ContentLocks locks, Clock clock,
                    @Value("${shequn.moderation.posts-per-member:5}") int postsPerMember,
                    @Value("${shequn.moderation.comments-per-member:30}") int commentsPerMember,
                    @Value("${shequn.moderation.posts-per-community:200}") int postsPerCommunity) {
        this.store = store;
        this.posts = posts;
        this.comments = comments;
        this.locks = locks;
        this.clock = clock;
        this.postsPerMember = postsPerMember;
        this.commentsPerMember = commentsPerMember;
        this.postsPerCommunity = postsPerCommunity;
    }

    /**
     * Checks a new post; true when it must be held for review. Locks the community until the caller commits, so
     * simultaneous posts are counted one after the other (both limits are then exact).
     */
    boolean post(Standing seat, String title, String body) {
        notMuted(seat);
        locks.community(seat.communityId());
        var since = now().minusMinutes(WINDOW_MINUTES);
        if (posts.writtenSince(seat.communityId(), seat.accountId(), since, postsPerMember) >= postsPerMember) {
            throw Rejection.tooMany("content.moderation.rate.posts", postsPerMember, WINDOW_MINUTES);
        }
        if (posts.writtenSince(seat.communityId(), null, since, postsPerCommunity) >= postsPerCommunity) {
            throw Rejection.tooMany("content.moderation.rate.community", WINDOW_MINUTES);
        }
        return words(seat, (title == null ? "" : title) + "\n" + (body == null ? "" : body));
    }

    /** Checks an edit: a muted member cannot edit either; blocked words are refused, held ones hold the post again. */
    boolean edit(Standing seat, String title, String body) {
        notMuted(seat);
        return words(seat, (title == null ? "" : title) + "\n" + (body == null ? "" : body));
    }

    /** Checks a new comment before it is written; true when it must be held for review. */
    boolean comment(Standing seat, String body) {
        notMuted(seat);
        return words(seat, body == null ? "" : body);
    }

    /**
     * The member's comment limit, checked after the comment is written and as the last step before commit: the
     * count includes it, and over the limit the caller's transaction rolls back. The member's lock (see
     * {@link #post}) is then held only for the count and the commit, not while the comment is indexed and
     * announced, so the member's next comment, from another tab or node, does not wait for all of that.
     */
    void commentRate(Standing seat) {
        locks.member(seat.communityId(), seat.accountId());
        if (comments.writtenSince(seat.communityId(), seat.accountId(), now().minusMinutes(WINDOW_MINUTES),
                commentsPerMember + 1) > commentsPerMember) {
            throw Rejection.tooMany("content.moderation.rate.comments", commentsPerMember, WINDOW_MINUTES);
        }
    }

    /** Also used by reactions: a muted member may not add one. */
    void notMuted(Standing seat) {
        var until = seat.mutedUntil(now());
        if (until.isPresent()) {
            throw Rejection.forbidden("content.moderation.muted", until.get().atZoneSameInstant(SHOWN_ZONE).format(SHOWN));
        }
    }

    private boolean words(Standing seat, String text) {
        var lower = text.toLowerCase(Locale.ROOT);
        boolean hold = false;
        for (var w : store.words(seat.communityId())) {
            if (lower.contains(w.word())) {
                if (w.mode().equals("BLOCK")) {
                    throw Rejection.invalid("body", "content.moderation.word.blocked", w.word());
                }
                hold = true;
            }
        }
        return hold;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
