package org.shequn.interaction;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.content.AnswerAccepted;
import org.shequn.content.CommentAdded;
import org.shequn.content.MemberMentioned;
import org.shequn.reaction.ReactionAdded;
import org.shequn.social.Followed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into interactions. A plain (synchronous) listener on purpose: the row is written in the
 * transaction that made the interaction, so it exists exactly when the interaction does, with its time. Nobody
 * interacts with themselves: a self-reply or a like of one's own post is no interaction.
 */
@Component
class InteractionRecorder {

    private final InteractionStore store;
    private final Clock clock;

    InteractionRecorder(InteractionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    void on(CommentAdded added) {
        long other = added.repliedToAuthorId() != null ? added.repliedToAuthorId() : added.postAuthorId();
        pair(added.communityId(), added.authorId(), other,
                added.parentId() == null ? InteractionKind.COMMENT : InteractionKind.REPLY, "comment:" + added.commentId());
    }

    @EventListener
    void on(MemberMentioned mentioned) {
        pair(mentioned.communityId(), mentioned.byAccountId(), mentioned.mentionedId(), InteractionKind.MENTION,
                place(mentioned.postId(), mentioned.commentId()));
    }

    @EventListener
    void on(ReactionAdded added) {
        pair(added.communityId(), added.reactorId(), added.targetAuthorId(), InteractionKind.REACTION,
                place(added.postId(), added.commentId()));
    }

    @EventListener
    void on(AnswerAccepted accepted) {
        pair(accepted.communityId(), accepted.askerId(), accepted.answererId(), InteractionKind.ANSWER_ACCEPTED,
                "comment:" + accepted.commentId());
    }

    @EventListener
    void on(Followed followed) {
        pair(null, followed.followerId(), followed.followeeId(), InteractionKind.FOLLOW, "account:" + followed.followeeId());
    }

    @EventListener
    void on(org.shequn.checkin.CheckInReviewed reviewed) {
        if (reviewed.reviewerId() != reviewed.memberId()) {
            store.record(reviewed.communityId(), reviewed.reviewerId(), reviewed.memberId(), InteractionKind.CHECK_IN_REVIEW,
                    "checkin:" + reviewed.checkInId(), reviewed.occurredAt().atOffset(java.time.ZoneOffset.UTC));
        }
    }

    @EventListener
    void on(org.shequn.assignment.SubmissionReviewed reviewed) {
        if (reviewed.reviewerId() != reviewed.memberId()) {
            store.record(reviewed.communityId(), reviewed.reviewerId(), reviewed.memberId(), InteractionKind.ASSIGNMENT_REVIEW,
                    "assignment-submission:" + reviewed.submissionId(), reviewed.occurredAt().atOffset(java.time.ZoneOffset.UTC));
        }
    }

    /** Done together: the attendee is recorded at the event, and the people there with them are the others there. */
    @EventListener
    void on(org.shequn.event.EventAttended attended) {
        store.record(attended.communityId(), attended.accountId(), null, InteractionKind.EVENT_ATTENDED,
                "event:" + attended.eventId(), attended.occurredAt());
    }

    /** Only named polls announce a vote; an anonymous poll's voters are not recorded anywhere with it. */
    @EventListener
    void on(org.shequn.voting.PollVoted voted) {
        store.record(voted.communityId(), voted.accountId(), null, InteractionKind.POLL_VOTED, "poll:" + voted.pollId(),
                voted.occurredAt());
    }

    /** The record that someone voted, which the election keeps anyway (its roll); the ballot is never named. */
    @EventListener
    void on(org.shequn.voting.ElectionVoted voted) {
        store.record(voted.communityId(), voted.accountId(), null, InteractionKind.ELECTION_VOTED,
                "election:" + voted.electionId(), voted.occurredAt());
    }

    private void pair(Long communityId, long actor, long other, InteractionKind kind, String place) {
        if (actor != other) {
            store.record(communityId, actor, other, kind, place, OffsetDateTime.now(clock));
        }
    }

    private static String place(long postId, Long commentId) {
        return commentId == null ? "post:" + postId : "comment:" + commentId;
    }
}
