package org.shequn.notification;

/** The kinds of notification; each has a text {@code notification.kind.<KIND>} in the i18n bundles. */
enum Kind {
    APPLICATION_APPROVED, APPLICATION_REJECTED, APPLICATION_SUBMITTED, FOLLOWED, FRIENDED
}
