/**
 * The social graph: following, friendship (mutual follows), mutual connections (共同好友) and blocking.
 * Other modules ask it through {@link org.shequn.social.SocialGraph}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Social")
package org.shequn.social;
