/**
 * What members produce together inside a community: sections (板块) with their posting rules, posts (帖子:
 * discussions, questions, articles) in sanitized Markdown with their edit history and soft deletion,
 * two-level comments (评论), curation (pinned, featured 精华) and the feeds with "new since my last visit"
 * markers, the community's own sticker packs (表情包) and reactions (赞 and stickers) on posts and comments.
 * Only members read or write; an archived community is read-only.
 * Every new or edited text passes a {@link org.shequn.content.PostingGuard}, which moderation implements, and
 * moderators change a text's state only through {@link org.shequn.content.ModeratedContent}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content",
        allowedDependencies = {"community", "directory", "identity", "membership", "shared", "social"})
package org.shequn.content;
