package org.shequn.assignment;

import java.time.Instant;

/**
 * A reviewer scored or commented on a member's submission: a member-to-member interaction between
 * {@code reviewerId} and {@code memberId}, at {@code "assignment-submission:" + submissionId}. {@code score} is
 * null for a comment only.
 */
public record SubmissionReviewed(long communityId, long assignmentId, String title, long submissionId, long reviewerId,
                                 long memberId, Integer score, Integer maxScore, Instant occurredAt) {
}
