package org.shequn.content;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Comments: two levels; a reply to a reply joins its top-level comment's thread. */
@Service
class Commenting {

    /** {@code body} may be empty when the comment carries a sticker ({@code stickerId}) instead. */
    record CommentDraft(
            @Size(max = 5000) @Pattern(regexp = PostDraft.MULTI_LINE, message = "{validation.noControlCharacters}") String body,
            Long parentId, Long stickerId) {

        CommentDraft(String body, Long parentId) {
            this(body, parentId, null);
        }
    }

    private final ContentAccess access;
    private final Publishing publishing;
    private final CommentStore comments;
    private final Validation validation;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ModerationGuard guard;
    private final Moderation moderation;
    private final StickerPacks stickers;

    Commenting(ContentAccess access, Publishing publishing, CommentStore comments,
               Validation validation, ApplicationEventPublisher events, Clock clock, ModerationGuard guard,
               Moderation moderation, StickerPacks stickers) {
        this.stickers = stickers;
        this.guard = guard;
        this.moderation = moderation;
        this.access = access;
        this.publishing = publishing;
        this.comments = comments;
        this.validation = validation;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    long add(Viewer viewer, String slug, long postId, CommentDraft draft) {
        var seat = access.write(viewer, slug);
        var post = publishing.live(seat, postId);
        validation.check(draft);
        var sticker = draft.stickerId() == null ? null : stickers.usable(seat, draft.stickerId())
                .orElseThrow(() -> Rejection.invalid("stickerId", "content.reaction.stickerUnavailable"));
        var body = draft.body() == null ? "" : draft.body();
        if (body.isBlank() && sticker == null) {
            throw Rejection.invalid("body", "jakarta.validation.constraints.NotBlank.message");
        }
        Long parentId = null;
        if (draft.parentId() != null) {
            var parent = comments.byId(seat.communityId(), draft.parentId())
                    .filter(c -> c.postId() == post.id() && !c.deleted() && !c.hidden())
                    .orElseThrow(() -> Rejection.invalid("parentId", "content.comment.parent.unknown"));
            parentId = parent.parentId() != null ? parent.parentId() : parent.id();
        }
        boolean held = guard.comment(seat, body);
        var now = now();
        long id = comments.insert(post, parentId, seat.accountId(), body, now);
        if (sticker != null) {
            stickers.attach(id, sticker.id());
        }
        if (held) {
            // nobody hears of a held comment (no count, notification, index or live push) until it is approved
            comments.setHidden(id, now, null);
        } else {
            published(events, post, id, parentId, seat.accountId());
        }
        guard.commentRate(seat);
        return id;
    }

    /**
     * A comment becomes public: announced (at writing, or when a held one is approved); the hot feed counts it
     * on its post in the same transaction.
     */
    static void published(ApplicationEventPublisher events, PostRow post, long commentId, Long parentId, long authorId) {
        events.publishEvent(new CommentAdded(commentId, post.id(), post.communityId(), parentId, authorId, post.authorId()));
    }

    @Transactional
    long delete(Viewer viewer, String slug, long commentId) {
        var seat = access.write(viewer, slug);
        var comment = comments.byId(seat.communityId(), commentId).filter(c -> !c.deleted())
                .orElseThrow(() -> Rejection.notFound("content.comment.notFound"));
        if (comment.authorId() != seat.accountId() && !seat.runs()) {
            throw Rejection.forbidden("content.comment.deleteForbidden");
        }
        comments.softDelete(comment.id(), seat.accountId(), now());
        moderation.deleted(seat, comment.postId(), comment.id(), comment.authorId());
        if (!comment.held()) {
            // a held comment (rejected, or withdrawn by its author) was never counted nor announced; the hot
            // feed uncounts it
            events.publishEvent(new CommentRemoved(comment.id(), comment.postId(), seat.communityId(), comment.authorId(),
                    seat.accountId()));
        }
        return comment.postId();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
