package org.shequn.assignment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import org.shequn.shared.text.ControlCharacters;

/**
 * An assignment as the owner or an admin writes it (API body and form target). {@code dueAt} is a wall-clock time
 * in {@code zone} (an IANA id, default Asia/Shanghai); {@code remindHoursBefore} 1–168 or null for no reminder;
 * {@code reviewerIds} members who may score and comment besides the owner and admins; {@code maxScore} 1–1000, or
 * null for comments only.
 */
public record AssignmentDraft(
        @NotBlank(message = "{assignment.title.required}")
        @Size(max = AssignmentDraft.TITLE_MAX, message = "{assignment.title.tooLong}")
        @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "{assignment.title.oneLine}") String title,
        @Size(max = AssignmentDraft.DESCRIPTION_MAX, message = "{assignment.description.tooLong}")
        @Pattern(regexp = ControlCharacters.MULTI_LINE, message = "{validation.noControlCharacters}") String description,
        @NotNull(message = "{assignment.dueAt.required}") LocalDateTime dueAt,
        @Size(max = 64, message = "{assignment.zone.unknown}") String zone,
        @Min(value = 1, message = "{assignment.remind.range}") @Max(value = 168, message = "{assignment.remind.range}") Integer remindHoursBefore,
        Boolean acceptsLate,
        @Size(max = AssignmentDraft.REVIEWERS_MAX, message = "{assignment.reviewers.tooMany}") List<Long> reviewerIds,
        @Min(value = 1, message = "{assignment.maxScore.range}") @Max(value = 1000, message = "{assignment.maxScore.range}") Integer maxScore) {

    public static final int TITLE_MAX = 80;
    public static final int DESCRIPTION_MAX = 10000;
    public static final int REVIEWERS_MAX = 20;
    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    static final AssignmentDraft EMPTY = new AssignmentDraft(null, null, null, null, null, null, null, null);

    String cleanTitle() {
        return title.strip();
    }

    String cleanDescription() {
        return description == null ? "" : description.replace("\r\n", "\n").stripTrailing();
    }

    String zoneOrDefault() {
        return zone == null || zone.isBlank() ? DEFAULT_ZONE : zone.strip();
    }

    boolean late() {
        return acceptsLate != null && acceptsLate;
    }

    List<Long> reviewers() {
        return reviewerIds == null ? List.of() : reviewerIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }
}
