package org.shequn.content.view;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A post as its page and {@code GET posts/{id}} show it: sanitized HTML, comments, and what the viewer may do.
 * {@code question} is null unless it is a question (then its comments come in answer order); images and
 * attachments are private (see MediaView). {@code hidden} (by a moderator) and {@code held} (for review) are only
 * ever true for viewers who may see such a post: owners and admins, and a held post's author.
 */
public record PostView(long id, String slug, String communityName, String kind, String title, String body,
                       String bodyHtml, long authorId, String authorName, Long sectionId, String sectionName,
                       List<String> tags, boolean pinned, boolean featured, boolean edited, OffsetDateTime createdAt,
                       OffsetDateTime editedAt, int commentCount, List<CommentView> comments, boolean canEdit,
                       boolean canDelete, boolean canCurate, boolean canSeeHistory, boolean canComment,
                       QuestionInfo question, List<MediaView> images, List<MediaView> attachments, boolean hidden,
                       boolean held, boolean canReport, String scopeName) {
}
