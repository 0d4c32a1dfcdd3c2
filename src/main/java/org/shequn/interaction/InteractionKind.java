package org.shequn.interaction;

/** How two members met in an interaction; pairwise unless said otherwise. */
public enum InteractionKind {
    /** A comment on someone's post. */
    COMMENT,
    /** A reply to someone's comment. */
    REPLY,
    /** An @mention of someone in a post or a comment. */
    MENTION,
    /** A like or a sticker on someone's post or comment. */
    REACTION,
    /** An owner or admin reviewed (点评) someone's check-in. */
    CHECK_IN_REVIEW,
    /** An asker accepted someone's answer. */
    ANSWER_ACCEPTED,
    /** Following someone (belongs to no community). */
    FOLLOW,
    /** Attending an event: with everyone else checked in at it (no one named; the place is the event). */
    EVENT_ATTENDED,
    /** Voting in a named poll: with everyone else who voted in it. */
    POLL_VOTED,
    /** Voting in an election (that one voted, never how): with everyone else who voted in it. */
    ELECTION_VOTED,
    /** A reviewer scored or commented on someone's assignment submission (作业). */
    ASSIGNMENT_REVIEW
}
