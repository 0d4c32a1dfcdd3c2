package org.shequn.messaging;

/**
 * Whom a person accepts private messages from. Friends are always among those a {@link #COMMUNITIES} person
 * accepts; {@link #NOBODY} closes the door to everyone, friends included.
 */
public enum Acceptance {
    /** Members of a community both belong to (and friends): the default. */
    COMMUNITIES,
    FRIENDS,
    NOBODY;

    static final Acceptance DEFAULT = COMMUNITIES;
}
