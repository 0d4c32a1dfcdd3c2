package org.shequn.shared.text;

import java.util.Locale;

/** A user's search text as a case-insensitive SQL {@code LIKE} pattern (escape character backslash). */
public final class LikePattern {

    private LikePattern() {
    }

    /** {@code 50%_off} becomes {@code %50\%\_off%}: the user's % and _ match themselves, not anything. */
    public static String containing(String text) {
        var escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
