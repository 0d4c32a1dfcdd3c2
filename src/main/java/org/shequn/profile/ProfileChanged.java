package org.shequn.profile;

/** A profile's visible data changed (edited, or a verification was decided); read models refresh from it. */
public record ProfileChanged(long accountId) {
}
