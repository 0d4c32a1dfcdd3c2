package org.shequn.moderation;

/** Where a report stands: open in the queue, dismissed by a moderator, or resolved by an action on its item. */
public enum ReportStatus {
    OPEN, DISMISSED, RESOLVED
}
