package org.shequn.notification;

/**
 * What a member switches on and off in their preferences: one topic per kind of notification people think
 * of as one thing (a follow and a new friend are both "follows"). Defaults: everything in the inbox; mail
 * only for what asks something of the member or concerns them directly.
 */
public enum Topic {
    REPLY(false), ANSWER(false), QUESTION_ASKED(true), ANSWER_ACCEPTED(true), MENTIONED(true), REACTION(false),
    MODERATION(true), FOLLOW(false), APPLICATION(false), VERIFICATION(false),
    /** For owners and admins: reports (and, to come, held posts) waiting in the moderation queue. */
    REVIEW(true),
    /** A community's announcements (公告) and the reminder to read one: they ask the member to read something. */
    ANNOUNCEMENT(true),
    /** A paid membership's term ends soon: renew or lose access. */
    ENTRY(true),
    /** Events one registered for: a seat freed up from the waitlist, the reminders before it, a cancellation. */
    EVENT(true),
    /** A check-in challenge's daily reminder and its "streak at risk" nudge (each member may mute a challenge). */
    CHECKIN(false),
    /** Assignments (作业): my submission was reviewed or featured, and the reminder before the due time. */
    ASSIGNMENT(true),
    /** A dispute (争议) about an order: opened against the merchant, answered to the buyer, decided to both. */
    ORDER(true);

    final boolean emailByDefault;

    Topic(boolean emailByDefault) {
        this.emailByDefault = emailByDefault;
    }
}
