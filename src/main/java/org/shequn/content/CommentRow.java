package org.shequn.content;

import java.time.OffsetDateTime;

record CommentRow(long id, long postId, long communityId, Long parentId, long authorId, String body,
                  OffsetDateTime createdAt, OffsetDateTime deletedAt, OffsetDateTime hiddenAt) {

    boolean hidden() {
        return hiddenAt != null;
    }

    boolean deleted() {
        return deletedAt != null;
    }
}
