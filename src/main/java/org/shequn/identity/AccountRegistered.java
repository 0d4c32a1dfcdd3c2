package org.shequn.identity;

/** A new account exists; the profile module creates its profile from this. */
public record AccountRegistered(long accountId, String displayName) {
}
