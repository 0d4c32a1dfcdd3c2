package org.shequn.community;

/** Public communities are listed in discovery; unlisted ones are reachable only by their link. */
public enum Visibility {
    PUBLIC, UNLISTED
}
