package org.shequn.content.view;

import java.time.OffsetDateTime;
import java.util.List;

/** A comment with its replies (top level only); a deleted comment that has replies stays as a placeholder. */
public record CommentView(long id, Long parentId, long authorId, String authorName, String bodyHtml,
                          OffsetDateTime createdAt, boolean deleted, boolean canDelete, List<CommentView> replies) {
}
