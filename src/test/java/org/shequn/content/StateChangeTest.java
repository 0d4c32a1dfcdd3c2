package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every move between states: the allowed ones and what they write, and every refused one. */
class StateChangeTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final long MODERATOR = 9;

    /** The states {@code move} accepts; every other state must throw. */
    private static Set<ContentState> acceptedFrom(Function<ContentState, StateChange> move) {
        var accepted = EnumSet.noneOf(ContentState.class);
        for (var from : ContentState.values()) {
            try {
                var change = move.apply(from);
                assertThat(change.from()).isEqualTo(from);
                accepted.add(from);
            } catch (IllegalStateException refused) {
                assertThat(refused).hasMessageContaining(from.name());
            }
        }
        return accepted;
    }

    @Test
    void onlyAPublishedTextIsHeld() {
        assertThat(acceptedFrom(from -> StateChange.hold(from, NOW))).containsExactly(ContentState.PUBLISHED);
    }

    @Test
    void onlyAHeldTextIsApproved() {
        assertThat(acceptedFrom(StateChange::approve)).containsExactly(ContentState.HELD);
    }

    @Test
    void aPublishedOrHeldTextCanBeHidden() {
        assertThat(acceptedFrom(from -> StateChange.hide(from, MODERATOR, NOW)))
                .containsExactlyInAnyOrder(ContentState.PUBLISHED, ContentState.HELD);
    }

    @Test
    void onlyAHiddenTextIsRestored() {
        assertThat(acceptedFrom(StateChange::restore)).containsExactly(ContentState.HIDDEN);
    }

    @Test
    void anythingButADeletedTextCanBeDeleted() {
        assertThat(acceptedFrom(from -> StateChange.delete(from, MODERATOR, NOW)))
                .containsExactlyInAnyOrder(ContentState.PUBLISHED, ContentState.HELD, ContentState.HIDDEN);
    }

    @Test
    void nothingComesBackFromDeleted() {
        assertThatThrownBy(() -> StateChange.approve(ContentState.DELETED)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StateChange.restore(ContentState.DELETED)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StateChange.hide(ContentState.DELETED, MODERATOR, NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StateChange.hold(ContentState.DELETED, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StateChange.delete(ContentState.DELETED, MODERATOR, NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHoldIsAHidingByNobody() {
        var hold = StateChange.hold(ContentState.PUBLISHED, NOW);
        assertThat(hold.to()).isEqualTo(ContentState.HELD);
        assertThat(hold.hiddenAt()).isEqualTo(NOW);
        assertThat(hold.hiddenBy()).isNull();
        assertThat(hold.deletedAt()).isNull();
        assertThat(hold.deletedBy()).isNull();
    }

    @Test
    void aHidingRecordsWhoAndWhen() {
        var hide = StateChange.hide(ContentState.HELD, MODERATOR, NOW);
        assertThat(hide.to()).isEqualTo(ContentState.HIDDEN);
        assertThat(hide.hiddenAt()).isEqualTo(NOW);
        assertThat(hide.hiddenBy()).isEqualTo(MODERATOR);
        assertThat(hide.deletedAt()).isNull();
    }

    @Test
    void approvingAndRestoringClearTheHiding() {
        var approve = StateChange.approve(ContentState.HELD);
        var restore = StateChange.restore(ContentState.HIDDEN);
        for (var change : new StateChange[] {approve, restore}) {
            assertThat(change.to()).isEqualTo(ContentState.PUBLISHED);
            assertThat(change.hiddenAt()).isNull();
            assertThat(change.hiddenBy()).isNull();
            assertThat(change.deletedAt()).isNull();
        }
    }

    @Test
    void aDeletionRecordsWhoAndWhen() {
        var delete = StateChange.delete(ContentState.HIDDEN, MODERATOR, NOW);
        assertThat(delete.to()).isEqualTo(ContentState.DELETED);
        assertThat(delete.deletedAt()).isEqualTo(NOW);
        assertThat(delete.deletedBy()).isEqualTo(MODERATOR);
    }

    @Test
    void onlyApprovingAHeldTextPublishesItForTheFirstTime() {
        assertThat(StateChange.approve(ContentState.HELD).publishes()).isTrue();
        assertThat(StateChange.restore(ContentState.HIDDEN).publishes()).isFalse();
        assertThat(StateChange.hold(ContentState.PUBLISHED, NOW).publishes()).isFalse();
        assertThat(StateChange.hide(ContentState.HELD, MODERATOR, NOW).publishes()).isFalse();
        assertThat(StateChange.delete(ContentState.HELD, MODERATOR, NOW).publishes()).isFalse();
    }

    @Test
    void deletingWhatMembersSawWithdrawsItButDeletingAHeldTextWithdrawsNothing() {
        assertThat(StateChange.delete(ContentState.PUBLISHED, MODERATOR, NOW).withdraws()).isTrue();
        assertThat(StateChange.delete(ContentState.HIDDEN, MODERATOR, NOW).withdraws()).isTrue();
        assertThat(StateChange.delete(ContentState.HELD, MODERATOR, NOW).withdraws()).isFalse();
    }

    @Test
    void onlyADeletionWithdraws() {
        assertThat(StateChange.hide(ContentState.PUBLISHED, MODERATOR, NOW).withdraws()).isFalse();
        assertThat(StateChange.hold(ContentState.PUBLISHED, NOW).withdraws()).isFalse();
        assertThat(StateChange.approve(ContentState.HELD).withdraws()).isFalse();
        assertThat(StateChange.restore(ContentState.HIDDEN).withdraws()).isFalse();
    }
}
