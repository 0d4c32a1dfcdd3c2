package org.shequn.shared.text;

/**
 * The one rule for text anyone sends us, checked where every JSON body and every form or query parameter
 * is read: no control characters (Unicode Cc, which includes NUL, which PostgreSQL cannot store in text)
 * except tab, line feed, and a carriage return that ends a line (forms send line breaks as CRLF). Fields
 * that must stay on one line refuse line breaks on their own.
 */
public final class ControlCharacters {

    /** Nearly the same rule as a {@code @Pattern}, for records that are also built in code (a lone CR passes it). */
    public static final String MULTI_LINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

    private ControlCharacters() {
    }

    /** True if the text holds a control character other than a tab or a line break. */
    public static boolean in(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n'
                    && !(c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                return true;
            }
        }
        return false;
    }
}
