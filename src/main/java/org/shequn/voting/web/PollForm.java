package org.shequn.voting.web;

import java.util.List;
import org.shequn.voting.PollDraft;
import org.shequn.voting.PollResults;

/** The form's fields as text: options one per line, the deadline in China time, the sub-group's id (blank: everyone). */
public record PollForm(String question, String options, Integer maxChoices, String closesAt, String results,
                String anonymous, String subgroupId) {

    public PollDraft draft() {
        var lines = options == null ? List.<String>of() : List.of(options.split("\\r?\\n"));
        PollResults shown;
        try {
            shown = results == null || results.isBlank() ? null : PollResults.valueOf(results);
        } catch (IllegalArgumentException unknown) {
            shown = null;
        }
        return new PollDraft(question, lines, maxChoices, FormTimes.parse(closesAt), shown, "on".equals(anonymous),
                subgroup());
    }

    /** The chosen sub-group; what is not a number is refused on the field. */
    Long subgroup() {
        if (subgroupId == null || subgroupId.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(subgroupId.strip());
        } catch (NumberFormatException e) {
            throw org.shequn.shared.Rejection.invalid("subgroupId", "scope.notYours");
        }
    }
}
