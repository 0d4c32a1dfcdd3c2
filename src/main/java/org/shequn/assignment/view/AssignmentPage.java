package org.shequn.assignment.view;

import java.util.List;

/**
 * An assignment's page: the task, my submission and its review, the featured submissions; for reviewers also the
 * submissions (all, or only the unscored) and who has and has not handed in.
 */
public record AssignmentPage(String slug, String communityName, boolean archived, boolean runs, boolean reviews,
                             AssignmentView assignment, SubmissionView mine, List<SubmissionView> featured,
                             List<SubmissionView> submissions, Roster roster, boolean unscoredOnly) {

    /** The hand-in form is shown: open, not scored yet, before the due time or late work taken, in a live community. */
    public boolean mayHandIn() {
        return !archived && !assignment.closed() && (mine == null || !mine.scored())
                && (!assignment.overdue() || assignment.acceptsLate());
    }

    public boolean mayRun() {
        return runs && !archived;
    }

    public boolean mayReview() {
        return reviews && !archived;
    }
}
