package org.shequn.content;

import org.shequn.membership.Standing;

/**
 * What every new or edited post and every new comment passes inside its writing transaction, before it is
 * written: content declares it, moderation implements it (mutes, banned words). A refusal is a
 * {@link org.shequn.shared.Rejection}, which rolls the writing back.
 */
public interface PostingGuard {

    /** Whether a text that passes goes out at once or waits for an owner's or admin's review. */
    enum Verdict {
        PUBLISH, HOLD;

        public boolean held() {
            return this == HOLD;
        }
    }

    Verdict post(Standing author, String title, String body);

    /** An edit: a held verdict holds a published post again. */
    Verdict edit(Standing author, String title, String body);

    Verdict comment(Standing author, String body);
}
