package org.shequn.assignment;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.shequn.shared.text.ControlCharacters;

/**
 * A reviewer's verdict on a submission: a score (0 to the assignment's maximum; none on a comment-only
 * assignment) and/or a comment (Markdown, sanitized when shown). At least one of the two.
 */
public record ReviewDraft(
        @Min(value = 0, message = "{assignment.score.range}") Integer score,
        @Size(max = ReviewDraft.COMMENT_MAX, message = "{assignment.comment.tooLong}")
        @Pattern(regexp = ControlCharacters.MULTI_LINE, message = "{validation.noControlCharacters}") String comment) {

    public static final int COMMENT_MAX = 2000;

    String cleanComment() {
        return comment == null || comment.isBlank() ? null : comment.replace("\r\n", "\n").strip();
    }
}
