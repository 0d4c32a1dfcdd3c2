package org.shequn.content;

/** A member published a question (提问) addressed to one member of the community, who should answer it. */
public record QuestionAsked(long postId, long communityId, long askerId, long addresseeId) {
}
