package org.shequn.community;

/** 入群门槛: how someone becomes a member. Verified real name / position can be required on top of any. */
public enum EntryPolicy {
    /** Anyone may join at once. */
    OPEN,
    /** The applicant answers the owner's questions; an owner or admin approves or rejects. */
    APPROVAL,
    /** Only with an invitation code or link. */
    INVITATION
}
