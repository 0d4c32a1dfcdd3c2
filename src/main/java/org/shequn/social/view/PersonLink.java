package org.shequn.social.view;

/** Someone in a social list: enough to show their name and link to {@code /people/{id}}. */
public record PersonLink(long id, String displayName) {

    /** The first character of the name, for the round placeholder avatar. */
    public String initial() {
        return displayName == null || displayName.isEmpty() ? "?"
                : new String(Character.toChars(displayName.codePointAt(0)));
    }
}
