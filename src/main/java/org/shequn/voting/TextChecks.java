package org.shequn.voting;

import java.util.List;
import org.shequn.shared.Rejection;
import org.shequn.shared.text.ControlCharacters;

/** The checks every text members write here passes: present, within its length, no control characters. */
final class TextChecks {

    private TextChecks() {
    }

    /** Adds a problem for {@code field} when the text is blank, too long or holds control characters. */
    static void check(List<Rejection.FieldProblem> problems, String field, String text, int max, boolean singleLine) {
        if (text == null || text.isBlank()) {
            problems.add(new Rejection.FieldProblem(field, "voting.text.required"));
        } else if (text.strip().length() > max) {
            problems.add(new Rejection.FieldProblem(field, "voting.text.tooLong", max));
        } else if (ControlCharacters.in(text) || singleLine && (text.contains("\n") || text.contains("\r"))) {
            problems.add(new Rejection.FieldProblem(field, "validation.noControlCharacters"));
        }
    }

    static void throwIfAny(List<Rejection.FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems);
        }
    }
}
