package org.shequn.announcement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.shequn.shared.text.ControlCharacters;

/** An announcement as its author writes it (API body and form target): a one-line title and a Markdown body. */
public record AnnouncementDraft(
        @NotBlank(message = "{announcement.title.required}")
        @Size(max = AnnouncementDraft.TITLE_MAX, message = "{announcement.title.tooLong}")
        @Pattern(regexp = SINGLE_LINE, message = "{announcement.title.oneLine}") String title,
        @NotBlank(message = "{announcement.body.required}")
        @Size(max = AnnouncementDraft.BODY_MAX, message = "{announcement.body.tooLong}")
        @Pattern(regexp = ControlCharacters.MULTI_LINE, message = "{validation.noControlCharacters}") String body) {

    public static final int TITLE_MAX = 80;
    public static final int BODY_MAX = 5000;
    static final String SINGLE_LINE = "^[^\\p{Cntrl}]*$";

    /** The title as stored: without the spaces around it (a blank one never gets this far). */
    String cleanTitle() {
        return title.strip();
    }

    /** The body as stored: a form's line breaks (CRLF) as plain line feeds, trailing space dropped. */
    String cleanBody() {
        return body.replace("\r\n", "\n").stripTrailing();
    }
}
