package org.shequn.checkin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.shequn.shared.text.ControlCharacters;

/** What a member writes: a check-in's text, or a runner's review (点评); Markdown, sanitized when shown. */
record CheckInText(
        @NotBlank(message = "{checkin.text.required}")
        @Size(max = CheckInText.MAX, message = "{checkin.text.tooLong}")
        @Pattern(regexp = ControlCharacters.MULTI_LINE, message = "{validation.noControlCharacters}") String text) {

    static final int MAX = 2000;

    String clean() {
        return text.replace("\r\n", "\n").strip();
    }
}
