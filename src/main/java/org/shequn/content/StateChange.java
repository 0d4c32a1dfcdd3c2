package org.shequn.content;

import java.time.OffsetDateTime;

/**
 * One move of a post or a comment from one state to another, and what its row becomes: the stores write only
 * these ({@code PostStore.apply}, {@code CommentStore.apply}). A move the current state does not allow is a bug in
 * the calling use case, which decides first whether there is anything to do, so it throws.
 */
record StateChange(ContentState from, ContentState to, OffsetDateTime hiddenAt, Long hiddenBy, OffsetDateTime deletedAt,
                   Long deletedBy) {

    /** A banned word keeps a new or edited text back for review. */
    static StateChange hold(ContentState from, OffsetDateTime now) {
        allowed(from, ContentState.HELD, from == ContentState.PUBLISHED);
        return new StateChange(from, ContentState.HELD, now, null, null, null);
    }

    /** An owner or admin lets a held text through: it is published now. */
    static StateChange approve(ContentState from) {
        allowed(from, ContentState.PUBLISHED, from == ContentState.HELD);
        return new StateChange(from, ContentState.PUBLISHED, null, null, null, null);
    }

    /** An owner or admin hides a published or held text. */
    static StateChange hide(ContentState from, long by, OffsetDateTime now) {
        allowed(from, ContentState.HIDDEN, from == ContentState.PUBLISHED || from == ContentState.HELD);
        return new StateChange(from, ContentState.HIDDEN, now, by, null, null);
    }

    /** An owner or admin shows a hidden text again. */
    static StateChange restore(ContentState from) {
        allowed(from, ContentState.PUBLISHED, from == ContentState.HIDDEN);
        return new StateChange(from, ContentState.PUBLISHED, null, null, null, null);
    }

    /** Its author, or an owner or admin, deletes it; nothing comes back from here. */
    static StateChange delete(ContentState from, long by, OffsetDateTime now) {
        allowed(from, ContentState.DELETED, from != ContentState.DELETED);
        return new StateChange(from, ContentState.DELETED, null, null, now, by);
    }

    /** Members see it for the first time: a held text approved. */
    boolean publishes() {
        return from == ContentState.HELD && to == ContentState.PUBLISHED;
    }

    /** Members who saw it no longer do (a held text was never seen, so its deletion withdraws nothing). */
    boolean withdraws() {
        return to == ContentState.DELETED && from != ContentState.HELD;
    }

    private static void allowed(ContentState from, ContentState to, boolean allowed) {
        if (!allowed) {
            throw new IllegalStateException("no transition from " + from + " to " + to);
        }
    }
}
