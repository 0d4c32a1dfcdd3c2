package org.shequn.moderation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.shequn.content.PostingGuard;
import org.shequn.membership.Standing;
import org.shequn.shared.Rejection;
import org.shequn.shared.text.TraditionalChinese;
import org.springframework.stereotype.Component;

/**
 * What every post and comment passes inside the writing transaction, before it is written: the author must not be
 * muted, and must not use a blocked word. A text with a held word is written hidden, pending review. (How fast a
 * member may write is content's own check.)
 */
@Component
class ModerationGuard implements PostingGuard {

    private final ModerationStore store;
    private final Clock clock;

    ModerationGuard(ModerationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Verdict post(Standing author, String title, String body) {
        return check(author, (title == null ? "" : title) + "\n" + (body == null ? "" : body));
    }

    /** A muted member cannot edit either; blocked words are refused, held ones hold the post again. */
    @Override
    public Verdict edit(Standing author, String title, String body) {
        return post(author, title, body);
    }

    @Override
    public Verdict comment(Standing author, String body) {
        return check(author, body == null ? "" : body);
    }

    private Verdict check(Standing author, String text) {
        author.requireNotMuted(OffsetDateTime.now(clock), "content.moderation.muted");
        // one script and one case on both sides: 代購 is 代购, and writing it in traditional characters gets nothing past
        var folded = TraditionalChinese.toSimplified(text).toLowerCase(Locale.ROOT);
        var verdict = Verdict.PUBLISH;
        for (var w : store.words(author.communityId())) {
            if (folded.contains(TraditionalChinese.toSimplified(w.word()).toLowerCase(Locale.ROOT))) {
                if (w.mode() == WordMode.BLOCK) {
                    throw Rejection.invalid("body", "content.moderation.word.blocked", w.word());
                }
                verdict = Verdict.HOLD;
            }
        }
        return verdict;
    }
}
