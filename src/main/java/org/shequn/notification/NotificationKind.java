package org.shequn.notification;

import org.shequn.moderation.ModerationDecided;
import org.shequn.profile.VerificationKind;

/**
 * Every kind of notification. Each has a text {@code notification.kind.<NAME>} in the i18n bundles, and belongs
 * to the {@link Topic} a member switches on and off. The names are stored and shown in the API as they are.
 */
public enum NotificationKind {
    APPLICATION_APPROVED(Topic.APPLICATION), APPLICATION_REJECTED(Topic.APPLICATION),
    /** Approved into a paid community: they are in once they have paid. */
    APPLICATION_APPROVED_PAY(Topic.APPLICATION),
    APPLICATION_SUBMITTED(Topic.APPLICATION),
    FOLLOWED(Topic.FOLLOW), FRIENDED(Topic.FOLLOW),
    REPLY(Topic.REPLY), COMMENT_REPLY(Topic.REPLY), ANSWER(Topic.ANSWER), QUESTION_ASKED(Topic.QUESTION_ASKED),
    ANSWER_ACCEPTED(Topic.ANSWER_ACCEPTED), MENTIONED(Topic.MENTIONED),
    REACTION(Topic.REACTION), COMMENT_REACTION(Topic.REACTION),
    MODERATION_POST_HIDDEN(Topic.MODERATION), MODERATION_POST_RESTORED(Topic.MODERATION),
    MODERATION_POST_DELETED(Topic.MODERATION), MODERATION_POST_APPROVED(Topic.MODERATION),
    MODERATION_COMMENT_HIDDEN(Topic.MODERATION), MODERATION_COMMENT_RESTORED(Topic.MODERATION),
    MODERATION_COMMENT_DELETED(Topic.MODERATION), MODERATION_COMMENT_APPROVED(Topic.MODERATION),
    MODERATION_MUTED(Topic.MODERATION), MODERATION_UNMUTED(Topic.MODERATION),
    VERIFICATION_APPROVED_REAL_NAME(Topic.VERIFICATION), VERIFICATION_APPROVED_POSITION(Topic.VERIFICATION),
    VERIFICATION_REJECTED_REAL_NAME(Topic.VERIFICATION), VERIFICATION_REJECTED_POSITION(Topic.VERIFICATION),
    REPORT_FILED(Topic.REVIEW), POST_HELD(Topic.REVIEW), COMMENT_HELD(Topic.REVIEW),
    ANNOUNCEMENT_PUBLISHED(Topic.ANNOUNCEMENT), ANNOUNCEMENT_REMINDER(Topic.ANNOUNCEMENT),
    ENTRY_EXPIRING_SOON(Topic.ENTRY), ENTRY_EXPIRING_TOMORROW(Topic.ENTRY),
    EVENT_PROMOTED(Topic.EVENT), EVENT_REMINDER_DAY(Topic.EVENT), EVENT_REMINDER_HOUR(Topic.EVENT),
    EVENT_CANCELLED(Topic.EVENT),
    /** For the owner: a sub-group's leader left the community; hand the group to someone. */
    SUBGROUP_LEADER_LEFT(Topic.REVIEW),
    /** For the owner: a sub-group's leader election was won by someone who has left the group since; hand it over. */
    SUBGROUP_WINNER_GONE(Topic.REVIEW),
    /** For the owner: the elected core members' term ended; time for the next election. */
    ELECTION_TERM_ENDED(Topic.REVIEW),
    CHECKIN_REMINDER(Topic.CHECKIN), CHECKIN_STREAK_AT_RISK(Topic.CHECKIN),
    /** For an event's host: someone asks to join an event that needs approval. */
    EVENT_REGISTRATION_REQUESTED(Topic.EVENT),
    EVENT_REGISTRATION_APPROVED(Topic.EVENT), EVENT_REGISTRATION_WAITLISTED(Topic.EVENT),
    EVENT_REGISTRATION_REFUSED(Topic.EVENT),
    /** Assignments: a reviewer scored or commented on my submission, featured it; the reminder before the due time. */
    ASSIGNMENT_REVIEWED(Topic.ASSIGNMENT), ASSIGNMENT_FEATURED(Topic.ASSIGNMENT), ASSIGNMENT_REMINDER(Topic.ASSIGNMENT),
    /** Disputes about an order: for its merchant (opened), its buyer (answered), both (decided). */
    DISPUTE_OPENED(Topic.ORDER), DISPUTE_ANSWERED(Topic.ORDER), DISPUTE_REFUNDED(Topic.ORDER), DISPUTE_REJECTED(Topic.ORDER);

    private final Topic topic;

    NotificationKind(Topic topic) {
        this.topic = topic;
    }

    Topic topic() {
        return topic;
    }

    /** What a member hears of a moderator's decision about them (NotificationKindTest: every action has one). */
    static NotificationKind of(ModerationDecided.Action action) {
        return valueOf("MODERATION_" + action.name());
    }

    /** What a member hears of the decision on their verification (every kind has both). */
    static NotificationKind of(VerificationKind kind, boolean approved) {
        return valueOf((approved ? "VERIFICATION_APPROVED_" : "VERIFICATION_REJECTED_") + kind.name());
    }
}
