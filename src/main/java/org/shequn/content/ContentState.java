package org.shequn.content;

import java.time.OffsetDateTime;

/** Where a post or a comment is in its life. Only {@link StateChange}'s transitions move it. */
enum ContentState {
    /** Every member sees it. */
    PUBLISHED,
    /** Kept back by a banned word until an owner or admin approves it; its author sees it, waiting. */
    HELD,
    /** Hidden by an owner or admin, who still see it. */
    HIDDEN,
    /** Gone for everyone; the row stays for the audit trail and its thread. */
    DELETED;

    /** Read from a row's columns: a deletion wins; a hiding by nobody is a hold. */
    static ContentState of(OffsetDateTime deletedAt, OffsetDateTime hiddenAt, Long hiddenBy) {
        if (deletedAt != null) {
            return DELETED;
        }
        if (hiddenAt == null) {
            return PUBLISHED;
        }
        return hiddenBy == null ? HELD : HIDDEN;
    }
}
