package org.shequn.content;

import org.shequn.membership.Standing;

/**
 * What a member may do with a post or comment they can see. The use cases refuse by it and the pages draw their
 * buttons from it, so a button is shown exactly when its action would be allowed. Nothing changes in an archived
 * community, except that its texts stay readable.
 */
record ContentPolicy(Standing viewer) {

    static ContentPolicy of(Standing viewer) {
        return new ContentPolicy(viewer);
    }

    private boolean writable() {
        return !viewer.community().archived();
    }

    private boolean mine(long authorId) {
        return authorId == viewer.accountId();
    }

    /** Only the author rewrites a text. */
    boolean mayEdit(long authorId) {
        return writable() && mine(authorId);
    }

    /** The author takes their own text back; owners and admins remove anyone's. */
    boolean mayDelete(long authorId) {
        return writable() && (mine(authorId) || viewer.runs());
    }

    /** Pinning, featuring, hiding and approving are for those who run the community. */
    boolean mayCurate() {
        return writable() && viewer.runs();
    }

    /** Earlier versions are the author's and the runners' to see. */
    boolean maySeeHistory(long authorId) {
        return mine(authorId) || viewer.runs();
    }

    /** A member reports what others wrote; nobody reports themselves (they edit or delete it instead). */
    boolean mayReport(long authorId) {
        return writable() && !mine(authorId);
    }

    boolean mayComment() {
        return writable();
    }
}
