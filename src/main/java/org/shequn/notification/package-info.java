/**
 * The in-app inbox (通知): what happened that concerns someone — an application decided or waiting for
 * review, a verification decided, a new follower. Fed only by other modules' events through the
 * transactional outbox, so a notification exists exactly when the change it reports was committed.
 * The {@code web} sub-package holds its HTTP endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
        allowedDependencies = {"announcement", "assignment", "checkin", "commerce", "community", "content", "entry", "event", "identity", "membership", "moderation", "profile", "reaction", "shared", "social", "subgroup", "voting"})
package org.shequn.notification;
