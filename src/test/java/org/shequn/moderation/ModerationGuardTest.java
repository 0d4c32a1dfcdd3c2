package org.shequn.moderation;

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
import org.shequn.content.PostingGuard.Verdict;
import org.shequn.membership.Standing;
import org.shequn.membership.Standings;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;

/**
 * The posting guard without Spring or a database: its stores are stand-ins, so only its own rules are under test
 * (the mute, the rate limits' thresholds, blocked and held words).
 */
class ModerationGuardTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 4, 0, 0, 0, ZoneOffset.UTC);

    private final ModerationStore store = mock(ModerationStore.class);
    private final ModerationGuard guard = new ModerationGuard(store, Clock.fixed(NOW.toInstant(), ZoneOffset.UTC));
    private final Standing member = Standings.member(CommunityRole.MEMBER, false);

    private void words(ModerationStore.WordRow... words) {
        when(store.words(Standings.COMMUNITY_ID)).thenReturn(List.of(words));
    }

    private static ModerationStore.WordRow block(String word) {
        return new ModerationStore.WordRow(word, WordMode.BLOCK);
    }

    private static ModerationStore.WordRow hold(String word) {
        return new ModerationStore.WordRow(word, WordMode.HOLD);
    }

    private static Rejection refusal(Runnable check) {
        try {
            check.run();
        } catch (Rejection rejection) {
            return rejection;
        }
        throw new AssertionError("expected a refusal");
    }

    /** The word a refusal names as blocked, on the body field. */
    private static String blockedWord(Runnable check) {
        var refused = refusal(check);
        assertThat(refused.kind()).isEqualTo(ProblemKind.VALIDATION);
        assertThat(refused.fieldProblems()).hasSize(1);
        var problem = refused.fieldProblems().getFirst();
        assertThat(problem.field()).isEqualTo("body");
        assertThat(problem.message()).isEqualTo("content.moderation.word.blocked");
        return (String) problem.args()[0];
    }

    @Test
    void aCleanPostIsPublishedAtOnce() {
        words(block("赌博"), hold("代购"));
        assertThat(guard.post(member, "周末读书", "一起读《红楼梦》")).isEqualTo(Verdict.PUBLISH);
        assertThat(guard.comment(member, "同去")).isEqualTo(Verdict.PUBLISH);
        assertThat(guard.edit(member, "周末读书", "改到周日")).isEqualTo(Verdict.PUBLISH);
    }

    @Test
    void aBlockedWordRefusesThePostAndNamesTheWord() {
        words(block("赌博"));
        assertThat(blockedWord(() -> guard.post(member, "标题", "来玩赌博吧"))).isEqualTo("赌博");
    }

    @Test
    void aBlockedWordInTheTitleCountsToo() {
        words(block("赌博"));
        assertThat(blockedWord(() -> guard.post(member, "赌博群", "正文"))).isEqualTo("赌博");
    }

    @Test
    void aBlockedWordRefusesCommentsAndEditsAlike() {
        words(block("赌博"));
        assertThat(blockedWord(() -> guard.comment(member, "赌博"))).isEqualTo("赌博");
        assertThat(blockedWord(() -> guard.edit(member, "t", "赌博"))).isEqualTo("赌博");
    }

    @Test
    void aHeldWordHoldsThePostForReview() {
        words(hold("代购"));
        assertThat(guard.post(member, "求助", "有人做代购吗")).isEqualTo(Verdict.HOLD);
        assertThat(guard.comment(member, "我做代购")).isEqualTo(Verdict.HOLD);
        assertThat(guard.edit(member, "代购", "")).isEqualTo(Verdict.HOLD);
    }

    @Test
    void aBlockedWordWinsOverAHeldOneWhereverItStands() {
        words(hold("代购"), block("赌博"));
        assertThat(blockedWord(() -> guard.post(member, "代购", "赌博"))).isEqualTo("赌博");
        words(block("赌博"), hold("代购"));
        assertThat(blockedWord(() -> guard.post(member, "赌博", "代购"))).isEqualTo("赌博");
    }

    @Test
    void wordsAreFoundWhateverTheirCase() {
        // the list keeps its words in lower case (Moderation.replaceWords); the text is compared lower-cased
        words(block("casino"), hold("vpn"));
        assertThat(blockedWord(() -> guard.post(member, "Best CASINO", ""))).isEqualTo("casino");
        assertThat(guard.comment(member, "Cheap VpN here")).isEqualTo(Verdict.HOLD);
    }

    @Test
    void aWordCatchesItsTraditionalFormAndTheOtherWayRound() {
        // both scripts are folded to simplified before matching: writing 賭博 gets nothing past 赌博
        words(block("赌博"));
        assertThat(blockedWord(() -> guard.post(member, "", "來玩賭博吧"))).isEqualTo("赌博");
        words(block("賭博"));
        assertThat(blockedWord(() -> guard.post(member, "", "来玩赌博吧"))).isEqualTo("賭博");
        words(hold("代购"));
        assertThat(guard.post(member, "", "專業代購")).isEqualTo(Verdict.HOLD);
    }

    @Test
    void missingTitleOrBodyIsJustEmptyText() {
        words(hold("代购"));
        assertThat(guard.post(member, null, null)).isEqualTo(Verdict.PUBLISH);
        assertThat(guard.comment(member, null)).isEqualTo(Verdict.PUBLISH);
        assertThat(guard.post(member, null, "代购")).isEqualTo(Verdict.HOLD);
    }

    @Test
    void aMutedMemberIsRefusedWithTheMutesEndInChinaTime() {
        var muted = Standings.muted(NOW.plusHours(2));
        var refused = refusal(() -> guard.post(muted, "t", "b"));
        assertThat(refused.kind()).isEqualTo(ProblemKind.FORBIDDEN);
        assertThat(refused.messageKey()).isEqualTo("content.moderation.muted");
        // 06:00 UTC is 14:00 in Beijing
        assertThat(refused.args()).containsExactly("2026-12-02 14:00");
    }

    @Test
    void aMutedMemberCanNeitherCommentNorEditNorReact() {
        var muted = Standings.muted(NOW.plusMinutes(1));
        assertThat(refusal(() -> guard.comment(muted, "b")).messageKey()).isEqualTo("content.moderation.muted");
        assertThat(refusal(() -> guard.edit(muted, "t", "b")).messageKey()).isEqualTo("content.moderation.muted");
        // reactions refuse a muted member through the same check of the standing
        assertThat(refusal(() -> muted.requireNotMuted(NOW, "content.moderation.muted")).messageKey())
                .isEqualTo("content.moderation.muted");
    }

    @Test
    void theMuteIsCheckedBeforeTheWordsAreRead() {
        var muted = Standings.muted(NOW.plusHours(1));
        refusal(() -> guard.post(muted, "t", "b"));
        verifyNoInteractions(store);
    }

    @Test
    void anEndedMuteNoLongerRefuses() {
        var wasMuted = Standings.muted(NOW.minusSeconds(1));
        assertThatCode(() -> guard.comment(wasMuted, "b")).doesNotThrowAnyException();
        assertThatCode(() -> guard.comment(Standings.muted(NOW), "b")).doesNotThrowAnyException();
    }
}
