package org.shequn.content;

/** The asker accepted an answer (a top-level comment) to their question. */
public record AnswerAccepted(long postId, long communityId, long commentId, long askerId, long answererId) {
}
