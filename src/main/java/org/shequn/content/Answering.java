package org.shequn.content;

import org.shequn.membership.Standing;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.shequn.membership.Memberships;
import org.shequn.content.view.CommentView;
import org.shequn.content.view.QuestionInfo;
import org.shequn.identity.AccountSummary;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions (提问): a question may be addressed to one member (who hears of it through {@link QuestionAsked});
 * answers are its top-level comments; the asker, and only the asker, accepts one (and may change or undo that).
 * On the question's page the accepted answer comes first, then the addressee's answers, then the others,
 * each group oldest first.
 */
@Service
public class Answering {

    private final VisiblePosts visible;
    private final ContentAccess access;
    private final PostStore posts;
    private final QuestionStore questions;
    private final CommentStore comments;
    private final Memberships memberships;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Answering(VisiblePosts visible, ContentAccess access, PostStore posts, QuestionStore questions, CommentStore comments,
              Memberships memberships, ApplicationEventPublisher events, Clock clock) {
        this.visible = visible;
        this.access = access;
        this.posts = posts;
        this.questions = questions;
        this.comments = comments;
        this.memberships = memberships;
        this.events = events;
        this.clock = clock;
    }

    /** Before a post is written: only a question has an addressee, who is a current member other than the asker. */
    void checkAddressee(Standing seat, PostDraft draft) {
        var addressee = draft.addresseeId();
        if (addressee == null) {
            return;
        }
        if (draft.postKind() != PostKind.QUESTION) {
            throw Rejection.invalid("addresseeId", "content.question.addressee.questionsOnly");
        }
        if (addressee == seat.accountId()) {
            throw Rejection.invalid("addresseeId", "content.question.addressee.self");
        }
        if (!addressable(seat, addressee)) {
            throw Rejection.invalid("addresseeId", "content.question.addressee.notMember");
        }
    }

    /** A question may be addressed to this account: a current member of the community. */
    boolean addressable(Standing seat, long accountId) {
        return memberships.roleOf(seat.communityId(), accountId).isPresent();
    }

    /** After a question is written (before it is published). */
    void asked(Standing seat, long postId, PostDraft draft) {
        if (draft.postKind() == PostKind.QUESTION) {
            questions.insert(postId, seat.communityId(), seat.accountId(), draft.addresseeId());
        }
    }

    /**
     * A question is published (at once, or when a moderator approves it after holding it for review): now,
     * and only now, its addressee hears of it. Runs inside the publishing transaction.
     */
    @EventListener
    void on(PostPublished published) {
        if (published.kind() == PostKind.QUESTION) {
            questions.byPost(published.postId()).filter(q -> q.addresseeId() != null).ifPresent(q -> events.publishEvent(
                    new QuestionAsked(q.postId(), q.communityId(), q.askerId(), q.addresseeId())));
        }
    }

    @Transactional
    public void accept(Viewer viewer, String slug, long postId, Long commentId) {
        var seat = access.write(viewer, slug);
        var post = askersQuestion(seat, postId);
        if (commentId == null) {
            throw Rejection.invalid("commentId", "content.answer.unknown");
        }
        var answer = comments.byId(seat.communityId(), commentId).filter(c -> c.postId() == post.id())
                .orElseThrow(() -> Rejection.invalid("commentId", "content.answer.unknown"));
        if (answer.parentId() != null) {
            throw Rejection.invalid("commentId", "content.answer.notTopLevel");
        }
        if (answer.deleted() || answer.hidden()) {
            throw Rejection.invalid("commentId", "content.answer.removed");
        }
        if (answer.authorId() == seat.accountId()) {
            throw Rejection.invalid("commentId", "content.answer.own");
        }
        var question = questions.byPost(post.id()).orElseGet(() -> {
            // a post edited into a question after publishing has no row yet: an open question
            questions.insert(post.id(), seat.communityId(), post.authorId(), null);
            return questions.byPost(post.id()).orElseThrow();
        });
        if (Long.valueOf(answer.id()).equals(question.acceptedCommentId())) {
            return;
        }
        questions.accept(post.id(), answer.id(), now());
        events.publishEvent(new AnswerAccepted(post.id(), seat.communityId(), answer.id(), seat.accountId(),
                answer.authorId()));
    }

    @Transactional
    public void undo(Viewer viewer, String slug, long postId) {
        var seat = access.write(viewer, slug);
        var post = askersQuestion(seat, postId);
        questions.accept(post.id(), null, null);
    }

    private PostRow askersQuestion(Standing seat, long postId) {
        var post = visible.get(seat, postId);
        if (!PostKind.QUESTION.name().equals(post.kind())) {
            throw Rejection.conflict("content.question.notAQuestion");
        }
        if (post.authorId() != seat.accountId()) {
            throw Rejection.forbidden("content.question.askerOnly");
        }
        return post;
    }

    /** A question post's state for its page (null for other kinds); the accepted answer counts only while visible. */
    QuestionInfo info(Standing seat, PostRow post, List<CommentRow> all, Map<Long, AccountSummary> names) {
        if (!PostKind.QUESTION.name().equals(post.kind())) {
            return null;
        }
        var question = questions.byPost(post.id()).orElse(null);
        Long addressee = question == null ? null : question.addresseeId();
        Long chosen = question == null ? null : question.acceptedCommentId();
        Long accepted = chosen != null && all.stream().anyMatch(c -> c.id() == chosen && !c.deleted() && !c.hidden())
                ? chosen : null;
        boolean canAccept = post.authorId() == seat.accountId() && !seat.community().archived();
        return new QuestionInfo(addressee, addressee == null ? null : name(names, addressee), accepted,
                accepted != null, canAccept);
    }

    /** Answers in the order a question's page shows them: accepted, then the addressee's, then the others. */
    static List<CommentView> ordered(List<CommentView> top, QuestionInfo question) {
        if (question == null) {
            return top;
        }
        return top.stream().sorted(Comparator.comparingInt(c -> c.deleted() ? 2
                : question.accepted(c.id()) ? 0 : question.byAddressee(c.authorId()) ? 1 : 2)).toList();
    }

    static String name(Map<Long, AccountSummary> names, long id) {
        var a = names.get(id);
        return a == null ? "?" : a.displayName();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
