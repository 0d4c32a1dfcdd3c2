package org.shequn.voting;

/** When a poll's counts are shown: always, once the viewer has voted, or only once it has closed. */
public enum PollResults {
    ALWAYS, AFTER_VOTING, AFTER_CLOSING;

    public boolean visible(boolean voted, boolean closed) {
        return switch (this) {
            case ALWAYS -> true;
            case AFTER_VOTING -> voted || closed;
            case AFTER_CLOSING -> closed;
        };
    }
}
