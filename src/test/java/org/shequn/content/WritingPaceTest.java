package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shequn.community.CommunityRole;
import org.shequn.membership.Standing;
import org.shequn.membership.Standings;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;

/**
 * The posting guard without Spring or a database: its stores are stand-ins, so only its own rules are under test
 * (the mute, the rate limits' thresholds, blocked and held words).
 */
/** How fast a member and a community may write: the counts, their limits and the locks around them. */
class WritingPaceTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 4, 0, 0, 0, ZoneOffset.UTC);
    private static final int POSTS_PER_MEMBER = 5;
    private static final int COMMENTS_PER_MEMBER = 30;
    private static final int POSTS_PER_COMMUNITY = 200;

    private final PostStore posts = mock(PostStore.class);
    private final CommentStore comments = mock(CommentStore.class);
    private final ContentLocks locks = mock(ContentLocks.class);
    private final WritingPace guard = new WritingPace(posts, comments, locks,
            Clock.fixed(NOW.toInstant(), ZoneOffset.UTC), POSTS_PER_MEMBER, COMMENTS_PER_MEMBER, POSTS_PER_COMMUNITY);
    private final Standing member = Standings.member(CommunityRole.MEMBER, false);

    private static Rejection refusal(Runnable check) {
        try {
            check.run();
        } catch (Rejection rejection) {
            return rejection;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void aPostLocksTheCommunityBeforeCountingItsPosts() {
        guard.post(member);
        verify(locks).community(Standings.COMMUNITY_ID);
        var since = NOW.minusMinutes(WritingPace.WINDOW_MINUTES);
        verify(posts).writtenSince(Standings.COMMUNITY_ID, Standings.VIEWER_ID, since, POSTS_PER_MEMBER);
        verify(posts).writtenSince(Standings.COMMUNITY_ID, null, since, POSTS_PER_COMMUNITY);
    }

    @Test
    void aMemberMayWriteUpToTheLimitOfPosts() {
        when(posts.writtenSince(anyLong(), eq(Standings.VIEWER_ID), any(), anyInt())).thenReturn(POSTS_PER_MEMBER - 1);
        assertThatCode(() -> guard.post(member)).doesNotThrowAnyException();
    }

    @Test
    void refusesAPostOverTheMembersLimit() {
        when(posts.writtenSince(anyLong(), eq(Standings.VIEWER_ID), any(), anyInt())).thenReturn(POSTS_PER_MEMBER);
        var refused = refusal(() -> guard.post(member));
        assertThat(refused.kind()).isEqualTo(ProblemKind.RATE_LIMITED);
        assertThat(refused.messageKey()).isEqualTo("content.moderation.rate.posts");
        assertThat(refused.args()).containsExactly(POSTS_PER_MEMBER, WritingPace.WINDOW_MINUTES);
    }

    @Test
    void refusesAPostOverTheCommunitysLimit() {
        when(posts.writtenSince(anyLong(), isNull(), any(), anyInt())).thenReturn(POSTS_PER_COMMUNITY);
        var refused = refusal(() -> guard.post(member));
        assertThat(refused.kind()).isEqualTo(ProblemKind.RATE_LIMITED);
        assertThat(refused.messageKey()).isEqualTo("content.moderation.rate.community");
        when(posts.writtenSince(anyLong(), isNull(), any(), anyInt())).thenReturn(POSTS_PER_COMMUNITY - 1);
        assertThatCode(() -> guard.post(member)).doesNotThrowAnyException();
    }

    @Test
    void theCommentLimitCountsTheCommentJustWritten() {
        var since = NOW.minusMinutes(WritingPace.WINDOW_MINUTES);
        when(comments.writtenSince(Standings.COMMUNITY_ID, Standings.VIEWER_ID, since, COMMENTS_PER_MEMBER + 1))
                .thenReturn(COMMENTS_PER_MEMBER);
        assertThatCode(() -> guard.commented(member)).doesNotThrowAnyException();
        verify(locks).member(Standings.COMMUNITY_ID, Standings.VIEWER_ID);

        when(comments.writtenSince(Standings.COMMUNITY_ID, Standings.VIEWER_ID, since, COMMENTS_PER_MEMBER + 1))
                .thenReturn(COMMENTS_PER_MEMBER + 1);
        var refused = refusal(() -> guard.commented(member));
        assertThat(refused.kind()).isEqualTo(ProblemKind.RATE_LIMITED);
        assertThat(refused.messageKey()).isEqualTo("content.moderation.rate.comments");
        assertThat(refused.args()).containsExactly(COMMENTS_PER_MEMBER, WritingPace.WINDOW_MINUTES);
    }
}
