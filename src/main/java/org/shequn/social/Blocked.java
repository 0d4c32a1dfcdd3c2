package org.shequn.social;

/** Someone blocked someone: any follows between them are gone, and other modules hide them from each other. */
public record Blocked(long blockerId, long blockedId) {
}
