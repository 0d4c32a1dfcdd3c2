/**
 * Reactions and sticker packs: a community's own sticker packs (表情包), which owners and admins upload, rename,
 * archive and delete and only members see; reactions (a like 赞, or a sticker) on posts and comments, at most one
 * of each per member and target, counted from their rows and announced as {@link org.shequn.reaction.ReactionAdded}
 * and {@link org.shequn.reaction.ReactionRemoved}. It asks content what a member may react to
 * ({@link org.shequn.content.ReactionTargets}) and implements what content declares: the reaction bars, comment
 * stickers and sticker pickers of content's pages ({@link org.shequn.content.ReactionSummaries}), which sticker a
 * comment may carry ({@link org.shequn.content.CommentStickers}), and it feeds the hot feed's counters
 * ({@link org.shequn.content.PostActivity}) in the reacting transaction. The {@code web} sub-package holds its
 * HTTP endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reactions and sticker packs",
        allowedDependencies = {"community", "content", "membership", "shared"})
package org.shequn.reaction;
