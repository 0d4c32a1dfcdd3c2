package org.shequn.assignment;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.assignment.view.SubmissionView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the owner, admins and an assignment's named reviewers do with submissions: score (0 to the maximum) and/or
 * comment, again as often as they like (the latest stands), and feature the best (精选). A scored submission can
 * no longer be revised. The member is told of both.
 */
@Service
public class SubmissionReviews {

    private final AssignmentAccess access;
    private final Submissions submissions;
    private final SubmissionStore store;
    private final AssignmentStore assignments;
    private final Validation validation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubmissionReviews(AssignmentAccess access, Submissions submissions, SubmissionStore store,
                      AssignmentStore assignments, Validation validation, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.submissions = submissions;
        this.store = store;
        this.assignments = assignments;
        this.validation = validation;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Scores and/or comments. Refused with nothing written: neither a score nor a comment, a score below 0 or above
     * the maximum, a score on a comment-only assignment, too long a comment.
     */
    @Transactional
    public SubmissionView review(Viewer viewer, String slug, long assignmentId, long submissionId, ReviewDraft draft) {
        var reviewer = access.reviewerWrite(viewer, slug, assignmentId);
        var assignment = reviewer.assignment();
        var row = submissions.found(assignment, submissionId);
        var checked = validation.check(draft == null ? new ReviewDraft(null, null) : draft);
        var comment = checked.cleanComment();
        var score = checked.score();
        if (score == null && comment == null) {
            throw Rejection.invalid("score", "assignment.review.empty");
        }
        // the maximum as it is now, with edits of it waiting until this review is written
        var maxScore = score == null ? assignment.maxScore() : assignments.lockedMaxScore(assignment.id());
        if (score != null && maxScore == null) {
            throw Rejection.invalid("score", "assignment.score.commentOnly");
        }
        if (score != null && score > maxScore) {
            throw Rejection.invalid("score", "assignment.score.range", maxScore);
        }
        var now = OffsetDateTime.now(clock);
        var seat = reviewer.seat();
        store.review(row.id(), score, comment, seat.accountId(), now);
        events.publishEvent(new SubmissionReviewed(seat.communityId(), assignment.id(), assignment.title(), row.id(),
                seat.accountId(), row.accountId(), score, maxScore, now.toInstant()));
        return submissions.view(seat.community().slug(), assignment, submissions.found(assignment, submissionId));
    }

    /** Features it (again is fine; the member is told the first time) or takes it off the featured list. */
    @Transactional
    public SubmissionView feature(Viewer viewer, String slug, long assignmentId, long submissionId, boolean featured) {
        var reviewer = access.reviewerWrite(viewer, slug, assignmentId);
        var assignment = reviewer.assignment();
        var row = submissions.found(assignment, submissionId);
        var seat = reviewer.seat();
        if (featured != (row.featuredAt() != null)) {
            var now = OffsetDateTime.now(clock);
            store.feature(row.id(), featured, now);
            if (featured) {
                events.publishEvent(new SubmissionFeatured(seat.communityId(), assignment.id(), assignment.title(),
                        row.id(), seat.accountId(), row.accountId(), now.toInstant()));
            }
        }
        return submissions.view(seat.community().slug(), assignment, submissions.found(assignment, submissionId));
    }
}
