package org.shequn.shared.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.shequn.shared.Rejection;
import org.springframework.context.MessageSource;

/**
 * A form's error messages, localized: one general message plus one per field, for a page to show next
 * to the inputs after a {@link Rejection}.
 */
public record FormErrors(String general, Map<String, String> fields) {

    public static final FormErrors NONE = new FormErrors(null, Map.of());

    public static FormErrors of(Rejection rejection, MessageSource messages, Locale locale) {
        var fields = new LinkedHashMap<String, String>();
        for (var p : rejection.fieldProblems()) {
            fields.putIfAbsent(baseField(p.field()), messages.getMessage(p.message(), p.args(), p.message(), locale));
        }
        var general = messages.getMessage(rejection.messageKey(), rejection.args(), rejection.messageKey(), locale);
        return new FormErrors(general, fields);
    }

    /** {@code questions[2].<list element>} → {@code questions}: the form shows list errors at the list. */
    private static String baseField(String field) {
        int cut = field.length();
        for (char c : new char[] {'[', '.'}) {
            int i = field.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return field.substring(0, cut);
    }

    public boolean any() {
        return general != null;
    }

    public String on(String field) {
        return fields.get(field);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }
}
