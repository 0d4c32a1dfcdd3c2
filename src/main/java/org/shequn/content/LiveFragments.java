package org.shequn.content;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.membership.Memberships;
import org.shequn.content.view.CommentView;
import org.shequn.content.view.PostView;
import org.shequn.identity.Accounts;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.Markdown;
import org.shequn.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Fragments for live updates, rendered with the page templates but as nobody in particular: no "new" mark,
 * no delete, hide, reply or report controls (a reload brings those). Only what every member may see.
 */
@Component
class LiveFragments implements LiveContent {

    private final VisiblePosts visible;
    private final ContentAccess access;
    private final PostStore posts;
    private final CommentStore comments;
    private final SectionStore sections;
    private final Communities communities;
    private final Memberships memberships;
    private final Accounts accounts;
    private final Markdown markdown;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final ContentReader reader;
    private final Mentions mentions;
    private final ReactionSummaries reactions;

    LiveFragments(VisiblePosts visible, ContentAccess access, PostStore posts, CommentStore comments, SectionStore sections,
                  Communities communities, Memberships memberships, Accounts accounts, Markdown markdown, TemplateEngine templates,
                  MessageSource messages, ContentReader reader, Mentions mentions, ReactionSummaries reactions) {
        this.visible = visible;
        this.reader = reader;
        this.mentions = mentions;
        this.reactions = reactions;
        this.access = access;
        this.posts = posts;
        this.comments = comments;
        this.sections = sections;
        this.communities = communities;
        this.memberships = memberships;
        this.accounts = accounts;
        this.markdown = markdown;
        this.templates = templates;
        this.messages = messages;
    }

    @Override
    public Watch watch(Viewer viewer, String slug, Long sectionId, Long postId) {
        var seat = access.read(viewer, slug);
        if (sectionId != null && sections.byId(seat.communityId(), sectionId).isEmpty()) {
            throw Rejection.notFound("content.section.notFound");
        }
        if (postId != null && !visible.sees(seat, postId)) {
            throw Rejection.notFound("content.post.notFound");
        }
        return new Watch(seat.communityId(), seat.community().slug(), sectionId, postId);
    }

    @Override
    public boolean reads(long communityId, long accountId) {
        return memberships.roleOf(communityId, accountId).isPresent();
    }

    @Override
    public Optional<Fragment> post(long communityId, long postId) {
        return posts.byId(communityId, postId).filter(LiveFragments::public_).map(p -> {
            String section = p.sectionId() == null ? null
                    : sections.byId(communityId, p.sectionId()).map(SectionRow::name).orElse(null);
            String slug = slug(communityId);
            var extras = reader.extras(List.of(p), 0L);
            var sectionNames = new java.util.HashMap<Long, String>();
            if (section != null) {
                sectionNames.put(p.sectionId(), section);
            }
            // viewer 0 is nobody: no "new" mark, which depends on each member's last visit
            var card = reader.card(p, 0L, slug, null, reader.names(extras.nameIds(List.of(p))), sectionNames, extras);
            return new Fragment(communityId, p.id(), p.sectionId(), p.id(), null,
                    locale -> render("content/card.jte", Map.of("ctx", context(locale), "slug", slug, "post", card)));
        });
    }

    @Override
    public Optional<Fragment> comment(long communityId, long commentId) {
        var comment = comments.byId(communityId, commentId).filter(c -> !c.hidden() && !c.deleted()).orElse(null);
        if (comment == null) {
            return Optional.empty();
        }
        return posts.byId(communityId, comment.postId()).filter(LiveFragments::public_).map(p -> {
            String slug = slug(communityId);
            var html = mentions.renderer(communityId, slug, List.of(comment.body()));
            // viewer-neutral, so without 举报: the fragment has no viewer's CSRF token for its form (a reload offers it)
            var view = new CommentView(comment.id(), comment.parentId(), comment.authorId(),
                    authorName(comment.authorId()), html.apply(comment.body()), comment.createdAt(), false,
                    false, false, false, List.of(), false);
            var post = bystanders(p, slug);
            var sheet = reactions.bystander(communityId, slug, p.id(), comment.id());
            return new Fragment(communityId, p.id(), p.sectionId(), comment.id(), comment.parentId(),
                    locale -> render("content/comment.jte",
                            Map.of("ctx", context(locale), "post", post, "comment", view, "reactions", sheet)));
        });
    }

    @Override
    public Optional<Fragment> reactionCounts(long communityId, long postId, Long commentId, String reaction) {
        var post = posts.byId(communityId, postId).filter(LiveFragments::public_).orElse(null);
        if (post == null || (commentId != null && comments.byId(communityId, commentId)
                .filter(c -> c.postId() == postId && !c.hidden() && !c.deleted()).isEmpty())) {
            return Optional.empty();
        }
        var fragment = reactions.liveCounts(communityId, postId, commentId, reaction);
        return Optional.of(new Fragment(communityId, postId, post.sectionId(), commentId == null ? postId : commentId,
                null, locale -> fragment));
    }

    @Override
    public Optional<Fragment> commentCount(long communityId, long postId) {
        return posts.byId(communityId, postId).filter(LiveFragments::public_).map(p -> new Fragment(communityId,
                p.id(), p.sectionId(), p.id(), null, locale -> "<h2 id=\"comment-count\" hx-swap-oob=\"innerHTML\">"
                + HtmlUtils.htmlEscape(messages.getMessage("content.comments.count", new Object[] {p.commentCount()}, locale))
                + "</h2>"));
    }

    /** Visible to every member: not deleted, hidden or held for review. */
    private static boolean public_(PostRow p) {
        // a sub-group's post is pushed to nobody: the streams are the whole community's
        return !p.deleted() && !p.hidden() && p.subgroupId() == null;
    }

    /** The post as a member who may do nothing in particular sees it: what the comment template needs. */
    private static PostView bystanders(PostRow p, String slug) {
        return new PostView(p.id(), slug, "", p.kind(), p.title(), "", "", p.authorId(), "", p.sectionId(), null,
                List.of(), false, false, false, p.createdAt(), null, p.commentCount(), List.of(), false, false, false,
                false, false, null, List.of(), List.of(), false, false, false, null);
    }

    private String slug(long communityId) {
        return communities.find(communityId).map(CommunityInfo::slug).orElse("");
    }

    private String authorName(long accountId) {
        var a = accounts.findAll(List.of(accountId)).get(accountId);
        return a == null ? "?" : a.displayName();
    }

    /** Nobody signed in, no CSRF token: templates leave out every form. */
    private PageContext context(Locale locale) {
        return new PageContext(messages, locale, null, null, "/");
    }

    private String render(String template, Map<String, Object> params) {
        var out = new StringOutput();
        templates.render(template, params, out);
        return out.toString().strip();
    }
}
