package org.shequn.content;

import java.time.OffsetDateTime;

record CommentRow(long id, long postId, long communityId, Long parentId, long authorId, String body,
                  OffsetDateTime createdAt, OffsetDateTime deletedAt, OffsetDateTime hiddenAt, Long hiddenBy) {

    ContentState state() {
        return ContentState.of(deletedAt, hiddenAt, hiddenBy);
    }

    /** Held by a banned word until an owner or admin approves it (hidden by nobody). */
    boolean held() {
        return hiddenAt != null && hiddenBy == null;
    }

    boolean hidden() {
        return hiddenAt != null;
    }

    boolean deleted() {
        return deletedAt != null;
    }
}
