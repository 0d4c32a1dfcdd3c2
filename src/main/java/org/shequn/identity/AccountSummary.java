package org.shequn.identity;

/** What other modules may know about an account: its id and the name it goes by. */
public record AccountSummary(long id, String displayName) {
}
