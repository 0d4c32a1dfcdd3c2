package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A post's transitions and which of them other modules hear of. */
class PostLifecycleTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final long POST = 100;
    private static final long COMMUNITY = 7;
    private static final long SECTION = 3;
    private static final long AUTHOR = 42;
    private static final long MODERATOR = 9;

    private static PostRow post(ContentState state) {
        OffsetDateTime deletedAt = state == ContentState.DELETED ? NOW.minusHours(1) : null;
        OffsetDateTime hiddenAt = state == ContentState.HELD || state == ContentState.HIDDEN ? NOW.minusHours(2) : null;
        Long hiddenBy = state == ContentState.HIDDEN ? MODERATOR : null;
        var post = new PostRow(POST, COMMUNITY, SECTION, AUTHOR, "QUESTION", "怎么读", "正文", "", 0, null, null,
                NOW.minusDays(1), null, deletedAt, hiddenAt, hiddenBy, 0);
        assertThat(post.state()).isEqualTo(state);
        return post;
    }

    @Test
    void aNewPostAnnouncesItselfWithItsKindAndSection() {
        assertThat(PostLifecycle.published(POST, COMMUNITY, SECTION, AUTHOR, "ARTICLE"))
                .isEqualTo(new PostPublished(POST, COMMUNITY, SECTION, AUTHOR, PostKind.ARTICLE));
        assertThat(PostLifecycle.published(POST, COMMUNITY, null, AUTHOR, "DISCUSSION").sectionId()).isNull();
    }

    @Test
    void aPostHeldWhenFirstWrittenIsAnnouncedOnlyForReview() {
        var held = PostLifecycle.holdNew(POST, COMMUNITY, AUTHOR, NOW);
        assertThat(held.postId()).isEqualTo(POST);
        assertThat(held.change().to()).isEqualTo(ContentState.HELD);
        assertThat(held.event()).contains(new HeldForReview(COMMUNITY, POST, null, AUTHOR));
    }

    @Test
    void anEditedPostHeldAgainIsAnnouncedOnlyForReview() {
        var held = PostLifecycle.hold(post(ContentState.PUBLISHED), NOW);
        assertThat(held.change().from()).isEqualTo(ContentState.PUBLISHED);
        assertThat(held.change().to()).isEqualTo(ContentState.HELD);
        assertThat(held.event()).contains(new HeldForReview(COMMUNITY, POST, null, AUTHOR));
    }

    @Test
    void onlyAPublishedPostCanBeHeld() {
        for (var state : new ContentState[] {ContentState.HELD, ContentState.HIDDEN, ContentState.DELETED}) {
            assertThatThrownBy(() -> PostLifecycle.hold(post(state), NOW)).as(state.name())
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void approvingAHeldPostAnnouncesPostPublished() {
        var approved = PostLifecycle.show(post(ContentState.HELD));
        assertThat(approved.change().to()).isEqualTo(ContentState.PUBLISHED);
        assertThat(approved.change().publishes()).isTrue();
        assertThat(approved.event()).contains(new PostPublished(POST, COMMUNITY, SECTION, AUTHOR, PostKind.QUESTION));
    }

    @Test
    void restoringAHiddenPostAnnouncesNothingBecauseMembersHadSeenIt() {
        var restored = PostLifecycle.show(post(ContentState.HIDDEN));
        assertThat(restored.change().from()).isEqualTo(ContentState.HIDDEN);
        assertThat(restored.change().to()).isEqualTo(ContentState.PUBLISHED);
        assertThat(restored.event()).isEmpty();
    }

    @Test
    void aPublishedOrDeletedPostCannotBeShown() {
        assertThatThrownBy(() -> PostLifecycle.show(post(ContentState.PUBLISHED))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PostLifecycle.show(post(ContentState.DELETED))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hidingAPublishedOrHeldPostAnnouncesNothing() {
        for (var state : new ContentState[] {ContentState.PUBLISHED, ContentState.HELD}) {
            var hidden = PostLifecycle.hide(post(state), MODERATOR, NOW);
            assertThat(hidden.change().to()).isEqualTo(ContentState.HIDDEN);
            assertThat(hidden.change().hiddenBy()).isEqualTo(MODERATOR);
            assertThat(hidden.event()).as(state.name()).isEmpty();
        }
    }

    @Test
    void aHiddenOrDeletedPostCannotBeHidden() {
        assertThatThrownBy(() -> PostLifecycle.hide(post(ContentState.HIDDEN), MODERATOR, NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PostLifecycle.hide(post(ContentState.DELETED), MODERATOR, NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deletingAPostAnnouncesPostRemovedWithWhoRemovedIt() {
        // unlike a comment, a post's removal is announced whatever its state: the listeners forget what they hold
        for (var state : new ContentState[] {ContentState.PUBLISHED, ContentState.HIDDEN, ContentState.HELD}) {
            var deleted = PostLifecycle.delete(post(state), MODERATOR, NOW);
            assertThat(deleted.change().to()).isEqualTo(ContentState.DELETED);
            assertThat(deleted.change().deletedBy()).isEqualTo(MODERATOR);
            assertThat(deleted.event()).as(state.name()).contains(new PostRemoved(POST, COMMUNITY, AUTHOR, MODERATOR));
        }
    }

    @Test
    void aDeletedPostCannotBeDeletedAgain() {
        assertThatThrownBy(() -> PostLifecycle.delete(post(ContentState.DELETED), AUTHOR, NOW))
                .isInstanceOf(IllegalStateException.class);
    }
}
