package org.shequn.voting.web;

import org.shequn.voting.ElectionDraft;

/** The owner's (or, for a sub-group's leader, an admin's) form, as text: times in China time; blank group: everyone. */
public record ElectionForm(String title, String details, Integer seats, Integer minMemberDays, Integer termDays,
                    String votingOpensAt, String votingClosesAt, String subgroupId) {

    public ElectionDraft draft() {
        return new ElectionDraft(title, details, seats, minMemberDays, termDays, FormTimes.parse(votingOpensAt),
                FormTimes.parse(votingClosesAt), subgroup());
    }

    /** The chosen sub-group; what is not a number is refused on the field. */
    public Long subgroup() {
        if (subgroupId == null || subgroupId.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(subgroupId.strip());
        } catch (NumberFormatException e) {
            throw org.shequn.shared.Rejection.invalid("subgroupId", "scope.notYours");
        }
    }

    /** The chosen sub-group, for redisplay: none when it is not a number. */
    public Long selected() {
        return subgroupId != null && subgroupId.strip().matches("\\d{1,18}") ? Long.valueOf(subgroupId.strip()) : null;
    }
}
