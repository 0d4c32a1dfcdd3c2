package org.shequn.notification;

/**
 * The kinds of notification; each has a text {@code notification.kind.<KIND>} in the i18n bundles. Moderation
 * decisions are {@code MODERATION_<action>} and verifications {@code VERIFICATION_<APPROVED|REJECTED>_<kind>}.
 */
enum Kind {
    APPLICATION_APPROVED, APPLICATION_REJECTED, APPLICATION_SUBMITTED, FOLLOWED, FRIENDED,
    REPLY, COMMENT_REPLY, ANSWER, QUESTION_ASKED, ANSWER_ACCEPTED, MENTIONED, REACTION, COMMENT_REACTION
}
