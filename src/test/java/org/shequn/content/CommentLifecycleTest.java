package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A comment's transitions and which of them other modules hear of. */
class CommentLifecycleTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final long POST = 100;
    private static final long COMMUNITY = 7;
    private static final long POST_AUTHOR = 5;
    private static final long COMMENT = 300;
    private static final long PARENT = 299;
    private static final long AUTHOR = 42;
    private static final long MODERATOR = 9;

    private static final PostRow POST_ROW = new PostRow(POST, COMMUNITY, null, POST_AUTHOR, "DISCUSSION", null, "正文", "",
            1, null, null, NOW.minusDays(1), null, null, null, null, 0);

    private static CommentRow comment(ContentState state) {
        OffsetDateTime deletedAt = state == ContentState.DELETED ? NOW.minusHours(1) : null;
        OffsetDateTime hiddenAt = state == ContentState.HELD || state == ContentState.HIDDEN ? NOW.minusHours(2) : null;
        Long hiddenBy = state == ContentState.HIDDEN ? MODERATOR : null;
        var comment = new CommentRow(COMMENT, POST, COMMUNITY, PARENT, AUTHOR, "同意", NOW.minusHours(3), deletedAt, hiddenAt,
                hiddenBy);
        assertThat(comment.state()).isEqualTo(state);
        return comment;
    }

    @Test
    void aNewCommentAnnouncesItselfWithThePostsAuthor() {
        assertThat(CommentLifecycle.published(POST_ROW, COMMENT, PARENT, AUTHOR, 77L))
                .isEqualTo(new CommentAdded(COMMENT, POST, COMMUNITY, PARENT, AUTHOR, POST_AUTHOR, 77L));
        assertThat(CommentLifecycle.published(POST_ROW, COMMENT, null, AUTHOR, null).parentId()).isNull();
    }

    @Test
    void aCommentHeldWhenFirstWrittenIsAnnouncedOnlyForReview() {
        var held = CommentLifecycle.holdNew(POST_ROW, COMMENT, AUTHOR, NOW);
        assertThat(held.commentId()).isEqualTo(COMMENT);
        assertThat(held.change().to()).isEqualTo(ContentState.HELD);
        assertThat(held.event()).contains(new HeldForReview(COMMUNITY, POST, COMMENT, AUTHOR));
    }

    @Test
    void approvingAHeldCommentAnnouncesCommentAdded() {
        var approved = CommentLifecycle.show(comment(ContentState.HELD), POST_ROW, 77L);
        assertThat(approved.change().to()).isEqualTo(ContentState.PUBLISHED);
        assertThat(approved.event()).contains(new CommentAdded(COMMENT, POST, COMMUNITY, PARENT, AUTHOR, POST_AUTHOR, 77L));
    }

    @Test
    void restoringAHiddenCommentAnnouncesNothing() {
        var restored = CommentLifecycle.show(comment(ContentState.HIDDEN), POST_ROW, null);
        assertThat(restored.change().to()).isEqualTo(ContentState.PUBLISHED);
        assertThat(restored.event()).isEmpty();
    }

    @Test
    void aPublishedOrDeletedCommentCannotBeShown() {
        assertThatThrownBy(() -> CommentLifecycle.show(comment(ContentState.PUBLISHED), POST_ROW, null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CommentLifecycle.show(comment(ContentState.DELETED), POST_ROW, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hidingAPublishedOrHeldCommentAnnouncesNothing() {
        for (var state : new ContentState[] {ContentState.PUBLISHED, ContentState.HELD}) {
            var hidden = CommentLifecycle.hide(comment(state), MODERATOR, NOW);
            assertThat(hidden.change().to()).isEqualTo(ContentState.HIDDEN);
            assertThat(hidden.event()).as(state.name()).isEmpty();
        }
        assertThatThrownBy(() -> CommentLifecycle.hide(comment(ContentState.HIDDEN), MODERATOR, NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CommentLifecycle.hide(comment(ContentState.DELETED), MODERATOR, NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deletingAPublishedCommentAnnouncesCommentRemoved() {
        var deleted = CommentLifecycle.delete(comment(ContentState.PUBLISHED), MODERATOR, NOW);
        assertThat(deleted.change().to()).isEqualTo(ContentState.DELETED);
        assertThat(deleted.event()).contains(new CommentRemoved(COMMENT, POST, COMMUNITY, AUTHOR, MODERATOR, true));
    }

    @Test
    void deletingAHiddenCommentAnnouncesCommentRemovedBecauseItWasCounted() {
        var deleted = CommentLifecycle.delete(comment(ContentState.HIDDEN), AUTHOR, NOW);
        assertThat(deleted.event()).contains(new CommentRemoved(COMMENT, POST, COMMUNITY, AUTHOR, AUTHOR, true));
    }

    @Test
    void deletingAHeldCommentAnnouncesARemovalThatWithdrawsNothing() {
        // moderation hears of a rejected comment (it audits it); counts and indexes never had it
        var deleted = CommentLifecycle.delete(comment(ContentState.HELD), AUTHOR, NOW);
        assertThat(deleted.change().to()).isEqualTo(ContentState.DELETED);
        assertThat(deleted.change().deletedBy()).isEqualTo(AUTHOR);
        assertThat(deleted.event()).contains(new CommentRemoved(COMMENT, POST, COMMUNITY, AUTHOR, AUTHOR, false));
    }

    @Test
    void aDeletedCommentCannotBeDeletedAgain() {
        assertThatThrownBy(() -> CommentLifecycle.delete(comment(ContentState.DELETED), AUTHOR, NOW))
                .isInstanceOf(IllegalStateException.class);
    }
}
