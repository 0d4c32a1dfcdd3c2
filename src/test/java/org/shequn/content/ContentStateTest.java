package org.shequn.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A post's or comment's state, read from its row's columns. */
class ContentStateTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aTextNeitherHiddenNorDeletedIsPublished() {
        assertThat(ContentState.of(null, null, null)).isEqualTo(ContentState.PUBLISHED);
    }

    @Test
    void aTextHiddenByNobodyIsHeldForReview() {
        assertThat(ContentState.of(null, NOW, null)).isEqualTo(ContentState.HELD);
    }

    @Test
    void aTextHiddenBySomeoneIsHidden() {
        assertThat(ContentState.of(null, NOW, 9L)).isEqualTo(ContentState.HIDDEN);
    }

    @Test
    void aDeletionWinsOverEverythingElse() {
        assertThat(ContentState.of(NOW, null, null)).isEqualTo(ContentState.DELETED);
        assertThat(ContentState.of(NOW, NOW, null)).isEqualTo(ContentState.DELETED);
        assertThat(ContentState.of(NOW, NOW, 9L)).isEqualTo(ContentState.DELETED);
    }

    @Test
    void whatAChangeWritesReadsBackAsTheStateItMovedTo() {
        for (var change : new StateChange[] {
                StateChange.hold(ContentState.PUBLISHED, NOW),
                StateChange.approve(ContentState.HELD),
                StateChange.hide(ContentState.PUBLISHED, 9, NOW),
                StateChange.hide(ContentState.HELD, 9, NOW),
                StateChange.restore(ContentState.HIDDEN),
                StateChange.delete(ContentState.PUBLISHED, 9, NOW),
                StateChange.delete(ContentState.HELD, 9, NOW),
                StateChange.delete(ContentState.HIDDEN, 9, NOW)}) {
            assertThat(ContentState.of(change.deletedAt(), change.hiddenAt(), change.hiddenBy()))
                    .as("%s → %s", change.from(), change.to()).isEqualTo(change.to());
        }
    }
}
