package org.shequn.content;

import java.time.OffsetDateTime;

record CommentRow(long id, long postId, long communityId, Long parentId, long authorId, String body,
                  OffsetDateTime createdAt, OffsetDateTime deletedAt) {

    boolean deleted() {
        return deletedAt != null;
    }
}
