package org.shequn.shared;

/**
 * Whoever is making the request, as seen by every module. Implemented by the identity module's
 * principal; controllers take it as {@code @AuthenticationPrincipal Viewer viewer} (null when anonymous).
 */
public interface Viewer {

    long accountId();

    String displayName();

    /** A platform operator reviews verifications and runs the installation. */
    boolean operator();

    /** Use cases that need a signed-in user call this first; anonymous callers get a 401 / login page. */
    static Viewer require(Viewer viewer) {
        if (viewer == null) {
            throw Rejection.unauthenticated();
        }
        return viewer;
    }
}
