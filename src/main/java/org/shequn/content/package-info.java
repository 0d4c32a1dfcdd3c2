/**
 * What members produce together inside a community: sections (板块) with their posting rules, posts (帖子:
 * discussions, questions, articles) in sanitized Markdown with their edit history and soft deletion,
 * two-level comments (评论), curation (pinned, featured 精华) and the feeds with "new since my last visit"
 * markers, and the sticker a comment may carry. Only members read or write; an archived community is read-only.
 * Every new or edited text passes a {@link org.shequn.content.PostingGuard}, which moderation implements, and
 * moderators change a text's state only through {@link org.shequn.content.ModeratedContent}. Reactions and
 * sticker packs are the reaction module's: content's pages show them through
 * {@link org.shequn.content.ReactionSummaries}, a comment's sticker is checked through
 * {@link org.shequn.content.CommentStickers} (both implemented there), and reactions reach the hot feed through
 * {@link org.shequn.content.PostActivity}. The {@code web} sub-package holds its HTTP endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content",
        allowedDependencies = {"community", "directory", "identity", "membership", "shared", "social"})
package org.shequn.content;
