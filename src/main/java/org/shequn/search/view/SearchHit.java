package org.shequn.search.view;

import java.time.OffsetDateTime;

/**
 * One result: a post or a comment. {@code snippetHtml} is escaped text with {@code <mark>} around the
 * matches, safe to render unescaped; {@code url} opens the post.
 */
public record SearchHit(String kind, long postId, Long commentId, String postKind, String communitySlug,
                        String communityName, Long sectionId, String title, String snippetHtml, long authorId,
                        String authorName, OffsetDateTime createdAt, String url) {
}
