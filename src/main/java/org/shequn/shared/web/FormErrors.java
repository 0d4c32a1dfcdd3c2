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
            fields.putIfAbsent(p.field(), messages.getMessage(p.message(), p.args(), p.message(), locale));
        }
        var general = messages.getMessage(rejection.messageKey(), rejection.args(), rejection.messageKey(), locale);
        return new FormErrors(general, fields);
    }

    public boolean any() {
        return general != null;
    }

    /** The message for a field, or for any element of it: {@code on("questions")} finds {@code questions[2].<list element>}. */
    public String on(String field) {
        var exact = fields.get(field);
        if (exact != null) {
            return exact;
        }
        for (var entry : fields.entrySet()) {
            if (entry.getKey().startsWith(field + "[") || entry.getKey().startsWith(field + ".")) {
                return entry.getValue();
            }
        }
        return null;
    }

    public boolean has(String field) {
        return on(field) != null;
    }
}
