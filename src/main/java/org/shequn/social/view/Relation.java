package org.shequn.social.view;

/**
 * How the viewer stands towards another person. {@code blocked}: the viewer blocked them;
 * {@code blockedBy}: they blocked the viewer (used only to hide the follow button, never shown or sent).
 */
public record Relation(boolean following, boolean followedBy, boolean blocked, boolean blockedBy) {

    public static final Relation NONE = new Relation(false, false, false, false);

    public boolean friends() {
        return following && followedBy;
    }

    public boolean canFollow() {
        return !blocked && !blockedBy;
    }
}
