package org.shequn.content;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Comments: two levels; a reply to a reply joins its top-level comment's thread. */
@Service
public class Commenting {

    /** {@code body} may be empty when the comment carries a sticker ({@code stickerId}) instead. */
    public record CommentDraft(
            @Size(max = 5000) @Pattern(regexp = PostDraft.MULTI_LINE, message = "{validation.noControlCharacters}") String body,
            Long parentId, Long stickerId) {

        CommentDraft(String body, Long parentId) {
            this(body, parentId, null);
        }
    }

    private final VisiblePosts visible;
    private final ContentAccess access;
    private final Publishing publishing;
    private final CommentStore comments;
    private final Validation validation;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PostingGuard guard;
    private final WritingPace pace;
    private final CommentStickers stickers;

    Commenting(VisiblePosts visible, ContentAccess access, Publishing publishing, CommentStore comments,
               Validation validation, ApplicationEventPublisher events, Clock clock, PostingGuard guard,
               WritingPace pace, CommentStickers stickers) {
        this.visible = visible;
        this.stickers = stickers;
        this.guard = guard;
        this.pace = pace;
        this.access = access;
        this.publishing = publishing;
        this.comments = comments;
        this.validation = validation;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public long add(Viewer viewer, String slug, long postId, CommentDraft draft) {
        var seat = access.write(viewer, slug);
        var post = visible.get(seat, postId);
        post.scope().requireTakingPart(seat, "content.post.notFound");
        validation.check(draft);
        var sticker = draft.stickerId();
        if (sticker != null && !stickers.usable(seat, sticker)) {
            throw Rejection.invalid("stickerId", "content.reaction.stickerUnavailable");
        }
        var body = draft.body() == null ? "" : draft.body();
        if (body.isBlank() && sticker == null) {
            throw Rejection.invalid("body", "jakarta.validation.constraints.NotBlank.message");
        }
        Long parentId = null;
        Long repliedTo = null;
        if (draft.parentId() != null) {
            var parent = comments.byId(seat.communityId(), draft.parentId())
                    .filter(c -> c.postId() == post.id() && !c.deleted() && !c.hidden())
                    .orElseThrow(() -> Rejection.invalid("parentId", "content.comment.parent.unknown"));
            parentId = parent.parentId() != null ? parent.parentId() : parent.id();
            repliedTo = parent.authorId();
        }
        boolean held = guard.comment(seat, body).held();
        var now = now();
        long id = comments.insert(post, parentId, seat.accountId(), body, now);
        if (sticker != null) {
            comments.attachSticker(id, sticker);
        }
        if (held) {
            var holding = CommentLifecycle.holdNew(post, id, seat.accountId(), now);
            comments.apply(holding);
            holding.event().ifPresent(events::publishEvent);
        } else {
            events.publishEvent(CommentLifecycle.published(post, id, parentId, seat.accountId(), repliedTo));
        }
        pace.commented(seat);
        return id;
    }

    @Transactional
    public long delete(Viewer viewer, String slug, long commentId) {
        var seat = access.write(viewer, slug);
        var comment = comments.byId(seat.communityId(), commentId).filter(c -> !c.deleted())
                .orElseThrow(() -> Rejection.notFound("content.comment.notFound"));
        if (!ContentPolicy.of(seat).mayDelete(comment.authorId())) {
            throw Rejection.forbidden("content.comment.deleteForbidden");
        }
        var deletion = CommentLifecycle.delete(comment, seat.accountId(), now());
        comments.apply(deletion);
        // the hot feed uncounts a withdrawn comment in this transaction
        deletion.event().ifPresent(events::publishEvent);
        return comment.postId();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
