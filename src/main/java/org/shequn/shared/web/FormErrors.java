package org.shequn.shared.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.shequn.shared.Rejection;
import org.springframework.context.MessageSource;

/**
 * A form's error messages, localized: one general message plus one per field, for a page to show next
 * to the inputs after a {@link Rejection}, and the summary above the form, where each message is named by its
 * field ("邮箱：不能为空"): {@code summary} maps the field to that line.
 */
public record FormErrors(String general, Map<String, String> fields, Map<String, String> summary) {

    public static final FormErrors NONE = new FormErrors(null, Map.of(), Map.of());

    public FormErrors(String general, Map<String, String> fields) {
        this(general, fields, fields);
    }

    public static FormErrors of(Rejection rejection, MessageSource messages, Locale locale) {
        var fields = new LinkedHashMap<String, String>();
        var summary = new LinkedHashMap<String, String>();
        for (var p : rejection.fieldProblems()) {
            var message = messages.getMessage(p.message(), p.args(), p.message(), locale);
            if (fields.putIfAbsent(p.field(), message) == null) {
                var label = label(p.field(), messages, locale);
                summary.put(p.field(), label == null ? message
                        : messages.getMessage("problem.fieldSummary", new Object[] {label, message}, label + ": " + message, locale));
            }
        }
        var general = messages.getMessage(rejection.messageKey(), rejection.args(), rejection.messageKey(), locale);
        return new FormErrors(general, fields, summary);
    }

    /**
     * A field's name as people read it: {@code field.<name>} in the shared bundle, for the last part of a path
     * ({@code education[1].school} is a school); null when there is none (the message then stands alone).
     */
    private static String label(String field, MessageSource messages, Locale locale) {
        var last = field.replaceAll("\\[\\d+]", "");
        last = last.substring(last.lastIndexOf('.') + 1);
        if (last.startsWith("<")) {
            last = field.substring(0, Math.max(0, field.indexOf('['))).replaceAll(".*\\.", "");
        }
        return last.isEmpty() ? null : messages.getMessage("field." + last, null, null, locale);
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
