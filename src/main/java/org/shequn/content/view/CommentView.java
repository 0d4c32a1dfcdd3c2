package org.shequn.content.view;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A comment with its replies (top level only); a deleted comment that has replies stays as a placeholder.
 * {@code hidden} (by a moderator) and {@code held} (for review) are only ever true for viewers who may see such a
 * comment: owners and admins, and a held comment's author.
 */
public record CommentView(long id, Long parentId, long authorId, String authorName, String bodyHtml,
                          OffsetDateTime createdAt, boolean deleted, boolean canDelete, boolean hidden, boolean held,
                          List<CommentView> replies, boolean canReport) {
}
