package org.shequn.shared.text;

import java.util.Locale;

/** A user's search text as a case-insensitive SQL {@code LIKE} pattern (escape character backslash). */
public final class LikePattern {

    private LikePattern() {
    }

    /** A prefix match, escaped like {@link #containing}. */
    public static String startingWith(String text) {
        return escape(text) + "%";
    }

    private static String escape(String text) {
        return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** {@code 50%_off} becomes {@code %50\%\_off%}: the user's % and _ match themselves, not anything. */
    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }
}
