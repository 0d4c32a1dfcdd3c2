package org.shequn.voting.web;

import org.shequn.voting.ElectionDraft;

/** The owner's form, as text: times in China time. */
public record ElectionForm(String title, String details, Integer seats, Integer minMemberDays, Integer termDays,
                    String votingOpensAt, String votingClosesAt) {

    public ElectionDraft draft() {
        return new ElectionDraft(title, details, seats, minMemberDays, termDays, FormTimes.parse(votingOpensAt),
                FormTimes.parse(votingClosesAt));
    }
}
