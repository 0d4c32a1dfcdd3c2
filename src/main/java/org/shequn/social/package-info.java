/**
 * The social graph: following, friendship (mutual follows), mutual connections (共同好友) and blocking.
 * Other modules ask it through {@link org.shequn.social.SocialGraph} and hear of changes through the
 * {@link org.shequn.social.Followed} and {@link org.shequn.social.Blocked} events. It owns the
 * {@code follows} and {@code blocks} tables; people's names come from the identity module's
 * {@code Accounts}.
 * The {@code web} sub-package holds its HTTP endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Social",
        allowedDependencies = {"identity", "shared"})
package org.shequn.social;
