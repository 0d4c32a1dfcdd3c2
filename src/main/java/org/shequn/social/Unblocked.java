package org.shequn.social;

/** Someone lifted a block: the two may see each other again where nothing else hides them. */
public record Unblocked(long blockerId, long blockedId) {
}
