package org.shequn.assignment;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.shequn.shared.text.ControlCharacters;

/** A submission's text (may be empty when it has images or a file); Markdown, sanitized when shown. */
record SubmissionText(
        @Size(max = SubmissionText.MAX, message = "{assignment.text.tooLong}")
        @Pattern(regexp = ControlCharacters.MULTI_LINE, message = "{validation.noControlCharacters}") String text) {

    static final int MAX = 5000;

    String clean() {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }
}
