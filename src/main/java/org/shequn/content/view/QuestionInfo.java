package org.shequn.content.view;

/**
 * A question's (提问) state: whom it is addressed to (null: to everyone), the accepted answer (a top-level
 * comment; null when none, or when it was deleted or hidden since), and whether the viewer (the asker) may
 * accept an answer.
 */
public record QuestionInfo(Long addresseeId, String addresseeName, Long acceptedCommentId, boolean solved,
                           boolean canAccept) {

    public boolean accepted(long commentId) {
        return acceptedCommentId != null && acceptedCommentId == commentId;
    }

    public boolean byAddressee(long authorId) {
        return addresseeId != null && addresseeId == authorId;
    }
}
