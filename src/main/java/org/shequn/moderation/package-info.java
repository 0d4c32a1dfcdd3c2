/**
 * Moderation inside a community: members report posts and comments; owners and admins work the queue (hide,
 * restore, approve held texts, dismiss), mute members, keep the banned-words list; every decision is audited and
 * announced ({@link org.shequn.moderation.ModerationDecided}). It implements content's
 * {@link org.shequn.content.PostingGuard} (mutes and banned words, inside the writing transaction) and changes
 * content's states only through {@link org.shequn.content.ModeratedContent}. Mutes themselves are kept by
 * membership, with the member's standing. The {@code web} sub-package holds its HTTP endpoints and page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation",
        allowedDependencies = {"community", "content", "identity", "membership", "shared"})
package org.shequn.moderation;
