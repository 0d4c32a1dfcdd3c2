package org.shequn.assignment;

import java.time.Instant;

/** A reviewer featured (精选) a member's submission: the member is told. */
public record SubmissionFeatured(long communityId, long assignmentId, String title, long submissionId, long reviewerId,
                                 long memberId, Instant occurredAt) {
}
