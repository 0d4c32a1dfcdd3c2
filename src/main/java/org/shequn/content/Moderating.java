package org.shequn.content;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.shequn.membership.Standing;
import org.shequn.shared.Cursor;
import org.shequn.shared.Rejection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Content's side of moderation: the states moderators change, through the lifecycles, and what the queue shows. */
@Service
class Moderating implements ModeratedContent {

    private final VisiblePosts visible;
    private final PostStore posts;
    private final CommentStore comments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Moderating(VisiblePosts visible, PostStore posts, CommentStore comments, ApplicationEventPublisher events, Clock clock) {
        this.visible = visible;
        this.posts = posts;
        this.comments = comments;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void requireReportable(Standing viewer, long postId) {
        if (!ContentPolicy.of(viewer).mayReport(visible.get(viewer, postId).authorId())) {
            throw Rejection.invalid("postId", "content.moderation.report.own");
        }
    }

    @Override
    public long requireReportableComment(Standing viewer, long commentId) {
        var comment = comments.byId(viewer.communityId(), commentId).filter(c -> !c.deleted())
                .filter(c -> visible.sees(viewer, c.postId()))
                .filter(c -> !c.hidden() || viewer.runs())
                .orElseThrow(() -> Rejection.notFound("content.comment.notFound"));
        if (!ContentPolicy.of(viewer).mayReport(comment.authorId())) {
            throw Rejection.invalid("commentId", "content.moderation.report.own");
        }
        return comment.postId();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Decided> hidePost(Standing runner, long postId, boolean hide) {
        var post = posts.byId(runner.communityId(), postId).filter(p -> !p.deleted())
                .orElseThrow(() -> Rejection.notFound("content.post.notFound"));
        // hiding a hidden post or showing a published one changes nothing; hiding a held one takes it off the queue
        if (hide ? post.state() == ContentState.HIDDEN : post.state() == ContentState.PUBLISHED) {
            return Optional.empty();
        }
        var transition = hide ? PostLifecycle.hide(post, runner.accountId(), now()) : PostLifecycle.show(post);
        posts.apply(transition);
        // an approved post is published now: followers hear of it as of any new post
        transition.event().ifPresent(events::publishEvent);
        return Optional.of(new Decided(post.id(), null, post.authorId(), post.title(), !hide && post.held()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Decided> hideComment(Standing runner, long commentId, boolean hide) {
        var comment = comments.byId(runner.communityId(), commentId).filter(c -> !c.deleted())
                .orElseThrow(() -> Rejection.notFound("content.comment.notFound"));
        // the post is read once: to check the runner sees it, and for the event an approval announces
        var post = posts.byId(runner.communityId(), comment.postId()).filter(p -> p.visibleTo(runner))
                .orElseThrow(() -> Rejection.notFound("content.comment.notFound"));
        if (hide == comment.hidden()) {
            return Optional.empty();
        }
        var transition = hide ? CommentLifecycle.hide(comment, runner.accountId(), now())
                : CommentLifecycle.show(comment, post, comment.parentId() == null ? null
                        : comments.byId(runner.communityId(), comment.parentId()).map(CommentRow::authorId).orElse(null));
        comments.apply(transition);
        // an approved comment is published now: notifications, search, live updates and hot score hear of it
        transition.event().ifPresent(events::publishEvent);
        return Optional.of(new Decided(comment.postId(), comment.id(), comment.authorId(), "", !hide && comment.held()));
    }

    @Override
    public List<Item> heldPosts(long communityId, Cursor before, int limit) {
        return posts.held(communityId, before, limit).stream().map(Moderating::item).toList();
    }

    @Override
    public List<Item> heldComments(long communityId, Cursor before, int limit) {
        return comments.held(communityId, before, limit).stream().map(Moderating::item).toList();
    }

    @Override
    public Optional<Item> post(long communityId, long postId) {
        return posts.byId(communityId, postId).map(Moderating::item);
    }

    @Override
    public Optional<Item> comment(long communityId, long commentId) {
        return comments.byId(communityId, commentId).map(Moderating::item);
    }

    private static Item item(PostRow p) {
        return new Item(p.id(), p.id(), null, p.authorId(), p.title(), ContentReader.excerpt(p.body()), p.hidden(),
                p.deleted(), p.createdAt());
    }

    private static Item item(CommentRow c) {
        return new Item(c.id(), c.postId(), c.id(), c.authorId(), "", ContentReader.excerpt(c.body()), c.hidden(),
                c.deleted(), c.createdAt());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
