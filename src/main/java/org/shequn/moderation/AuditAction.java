package org.shequn.moderation;

/** What a moderator did, as the audit trail records it (pages name each in the reader's language). */
public enum AuditAction {
    HIDE, RESTORE, APPROVE, DELETE, DISMISS, MUTE, UNMUTE, WORDS
}
