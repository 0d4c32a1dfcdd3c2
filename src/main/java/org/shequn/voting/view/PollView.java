package org.shequn.voting.view;

import java.time.OffsetDateTime;
import java.util.List;
import org.shequn.voting.PollResults;

/**
 * A poll as the viewer sees it: counts (and, in a named poll, who chose what) only when its results rule lets
 * them; {@code voted}: the viewer has; {@code mayVote}: open, not yet voted, a member (of its sub-group, if it has
 * one); {@code mayClose}: a runner (or the group's leader, by sub-group), while open; {@code subgroupId} and
 * {@code scopeName}: the sub-group it is for (null: the whole community).
 */
public record PollView(long id, String question, List<Option> options, int maxChoices, PollResults results,
                       boolean anonymous, OffsetDateTime closesAt, OffsetDateTime createdAt, OffsetDateTime closedAt,
                       boolean closed, boolean voted, boolean resultsVisible, Integer voters, boolean mayVote,
                       boolean mayClose, String authorName, Long subgroupId, String scopeName) {

    /** {@code votes} and {@code voterNames} are null while the results are hidden; names empty in an anonymous poll. */
    public record Option(long id, String label, Integer votes, List<String> voterNames) {

        /** The share of voters who chose it, 0–100, for the bar. */
        public int percent(Integer voters) {
            return votes == null || voters == null || voters == 0 ? 0 : Math.round(votes * 100f / voters);
        }
    }

    public boolean multiple() {
        return maxChoices > 1;
    }
}
