package org.shequn.content;

import org.shequn.membership.Scope;
import org.shequn.membership.Scopes;
import org.shequn.membership.Standing;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shequn.content.view.CommentView;
import org.shequn.content.view.FeedPage;
import org.shequn.content.view.MediaView;
import org.shequn.content.view.QuestionInfo;
import org.shequn.content.view.PostCard;
import org.shequn.content.view.PostEditor;
import org.shequn.content.view.PostHistory;
import org.shequn.content.view.PostVersion;
import org.shequn.content.view.PostView;
import org.shequn.content.view.SectionView;
import org.shequn.identity.AccountSummary;
import org.shequn.identity.Accounts;
import org.shequn.shared.Cursor;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.Markdown;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What members read: feeds, a post with its comments, a post's history, the editor. Members only. */
@Service
public class ContentReader implements Posts {

    static final int PAGE_SIZE = 20;
    private static final int EXCERPT = 140;
    private static final java.time.Duration SAME_VISIT = java.time.Duration.ofSeconds(1);

    private final VisiblePosts visible;
    private final ContentAccess access;
    private final PostStore posts;
    private final SectionStore sections;
    private final CommentStore comments;
    private final FeedVisits visits;
    private final Accounts accounts;
    private final Markdown markdown;
    private final Clock clock;
    private final HotFeed hotFeed;
    private final Mentions mentions;
    private final PostMedia media;
    private final Answering answering;
    private final QuestionStore questions;
    private final ReactionSummaries likes;
    private final Scopes scopes;

    ContentReader(VisiblePosts visible, ContentAccess access, PostStore posts, SectionStore sections, CommentStore comments,
                  FeedVisits visits, Accounts accounts, Markdown markdown, Clock clock, HotFeed hotFeed,
                  Mentions mentions, PostMedia media, Answering answering, QuestionStore questions,
                  ReactionSummaries likes, Scopes scopes) {
        this.scopes = scopes;
        this.visible = visible;
        this.likes = likes;
        this.hotFeed = hotFeed;
        this.mentions = mentions;
        this.media = media;
        this.answering = answering;
        this.questions = questions;
        this.access = access;
        this.posts = posts;
        this.sections = sections;
        this.comments = comments;
        this.visits = visits;
        this.accounts = accounts;
        this.markdown = markdown;
        this.clock = clock;
    }

    @Override
    public Optional<PostRef> findForAuthor(long postId) {
        return posts.byId(postId).map(p -> new PostRef(p.id(), p.communityId(), p.authorId(), p.title(), PostKind.valueOf(p.kind())));
    }

    @Override
    public Optional<PostRef> find(long postId) {
        return posts.byId(postId).filter(p -> !p.hidden()).map(p -> new PostRef(p.id(), p.communityId(), p.authorId(), p.title(), PostKind.valueOf(p.kind())));
    }

    @Override
    public Optional<Text> postText(long postId) {
        // hidden and held posts are out of every reader's index until a moderator shows them
        // a sub-group's posts too: the index and the digest are the whole community's
        return posts.byId(postId).filter(p -> !p.hidden() && p.subgroupId() == null).map(p -> new Text(p.id(), p.communityId(), p.id(), p.sectionId(), p.authorId(), p.kind(),
                p.title(), p.body(), p.createdAt()));
    }

    @Override
    public Optional<Text> commentText(long communityId, long commentId) {
        return comments.byId(communityId, commentId).filter(c -> !c.deleted() && !c.hidden())
                .flatMap(c -> posts.byId(c.postId()).filter(p -> !p.hidden() && p.subgroupId() == null).map(p -> new Text(c.id(), c.communityId(), p.id(), p.sectionId(),
                        c.authorId(), p.kind(), p.title(), c.body(), c.createdAt())));
    }

    @Override
    public List<Long> postIdsAfter(long afterId, int limit) {
        return posts.idsAfter(afterId, limit);
    }

    @Override
    public List<Long> commentIdsOf(long postId) {
        return comments.ofPost(postId).stream().filter(c -> !c.deleted()).map(CommentRow::id).toList();
    }

    /** A feed page. Opening the first page of the latest view counts as a visit (moves the "new" mark). */
    @Transactional
    public FeedPage feed(Viewer viewer, String slug, Long sectionId, String view, String cursorToken) {
        return feed(viewer, slug, sectionId, view, null, cursorToken);
    }

    /** The same, only posts with {@code tag} when it is given (views latest, hot and featured alike). */
    @Transactional
    public FeedPage feed(Viewer viewer, String slug, Long sectionId, String view, String tag, String cursorToken) {
        var seat = access.read(viewer, slug);
        boolean hot = "hot".equals(view);
        boolean questions = "questions".equals(view);
        var order = hot || questions ? PostStore.Order.LATEST : order(view);
        tag = tag(tag);
        var all = sections.ofCommunity(seat.communityId());
        if (sectionId != null && all.stream().noneMatch(s -> s.id() == sectionId)) {
            throw Rejection.notFound("content.section.notFound");
        }
        var cursor = Cursor.decode(cursorToken);
        var now = now();
        var seen = visits.of(seat.communityId(), seat.accountId());
        // Opening the latest view starts a new visit, unless the last one began less than a second ago: then it
        // is the same visit, with the same marks (a reload, or a client polling the API, writes nothing).
        boolean visit = cursor == null && !hot && !questions && order == PostStore.Order.LATEST
                && (seen == null || !seen.visitedAt().isAfter(now.minus(SAME_VISIT)));
        OffsetDateTime mark = seen == null ? null : visit ? seen.visitedAt() : seen.previousAt();
        boolean pinnedBlock = sectionId == null && order == PostStore.Order.LATEST && !hot && !questions && tag == null;
        // a sub-group's posts only for its members and the runners
        var audience = Scope.filter(seat, "subgroup_id");
        var pinned = pinnedBlock && cursor == null ? posts.pinned(seat.communityId(), seat.runs(), audience)
                : List.<PostRow>of();
        List<PostRow> rows;
        String next = null;
        if (hot) {
            var scored = hotFeed.page(seat.communityId(), sectionId, seat.runs(), tag, audience,
                    cursor == null ? null : score(cursor), cursor == null ? 0 : cursor.id(), PAGE_SIZE + 1);
            if (scored.size() > PAGE_SIZE) {
                scored = scored.subList(0, PAGE_SIZE);
                var last = scored.getLast();
                next = new Cursor(Double.toString(last.score()), last.post().id()).encode();
            }
            rows = scored.stream().map(HotFeed.Scored::post).toList();
        } else {
            OffsetDateTime before = cursor == null ? null : cursor.time();
            rows = posts.page(seat.communityId(), sectionId, order, pinnedBlock, seat.runs(), tag,
                    questions ? PostKind.QUESTION : null, audience, before,
                    cursor == null ? 0 : cursor.id(), PAGE_SIZE + 1);
            if (rows.size() > PAGE_SIZE) {
                rows = rows.subList(0, PAGE_SIZE);
                var last = rows.getLast();
                var key = order == PostStore.Order.LATEST ? last.createdAt() : last.featuredAt();
                next = Cursor.at(key, last.id()).encode();
            }
        }
        var shown = new ArrayList<>(pinned);
        shown.addAll(rows);
        var extras = extras(shown, seat.accountId(), seat.communityId());
        var names = names(extras.nameIds(shown));
        var sectionNames = new LinkedHashMap<Long, String>();
        all.forEach(s -> sectionNames.put(s.id(), s.name()));
        boolean canPost = !seat.community().archived();
        if (visit) {
            visits.record(seat.communityId(), seat.accountId(), mark, now);
        }
        return new FeedPage(seat.community().slug(), seat.community().name(), seat.community().archived(),
                hot ? "hot" : questions ? "questions" : order.name().toLowerCase(java.util.Locale.ROOT), sectionId,
                all.stream().map(ContentReader::view).toList(),
                pinned.stream().map(p -> card(p, seat.accountId(), seat.community().slug(), mark, names, sectionNames, extras)).toList(),
                rows.stream().map(p -> card(p, seat.accountId(), seat.community().slug(), mark, names, sectionNames, extras)).toList(), next, canPost, seat.owner(), tag, seat.runs(),
                seat.communityId());
    }

    /**
     * A sub-group's own feed: the posts scoped to it, newest first. Its members and the community's runners only;
     * anyone else is told there is no such thing (404).
     */
    public GroupFeed groupFeed(Viewer viewer, String slug, long subgroupId, String cursorToken) {
        var seat = access.read(viewer, slug);
        Scope.of(subgroupId).requireVisible(seat, "scope.notFound");
        var cursor = Cursor.decode(cursorToken);
        var rows = posts.groupPage(seat.communityId(), subgroupId, seat.runs(), cursor == null ? null : cursor.time(),
                cursor == null ? 0 : cursor.id(), PAGE_SIZE + 1);
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            next = Cursor.at(rows.getLast().createdAt(), rows.getLast().id()).encode();
        }
        var extras = extras(rows, seat.accountId(), seat.communityId());
        var names = names(extras.nameIds(rows));
        var sectionNames = new LinkedHashMap<Long, String>();
        sections.ofCommunity(seat.communityId()).forEach(s -> sectionNames.put(s.id(), s.name()));
        var slugName = seat.community().slug();
        return new GroupFeed(rows.stream().map(p -> card(p, seat.accountId(), slugName, null, names, sectionNames, extras))
                .toList(), next);
    }

    private static double score(Cursor cursor) {
        try {
            double score = Double.parseDouble(cursor.sortKey());
            if (Double.isFinite(score)) {
                return score;
            }
        } catch (NumberFormatException e) {
            // falls through: a tampered cursor
        }
        throw Rejection.invalid("cursor", "problem.cursor");
    }

    /** A tag filter as typed: blank is none; one tag can be no longer than a post's tag may be. */
    private static String tag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        var clean = tag.strip();
        if (clean.length() > 20 || !clean.matches(PostDraft.SINGLE_LINE)) {
            throw Rejection.invalid("tag", "content.feed.tag.invalid");
        }
        return clean;
    }

    public PostView post(Viewer viewer, String slug, long postId) {
        var seat = access.read(viewer, slug);
        var post = visible.get(seat, postId);
        var all = comments.ofPost(post.id());
        var ids = new HashSet<Long>();
        ids.add(post.authorId());
        all.forEach(c -> ids.add(c.authorId()));
        questions.byPost(post.id()).map(QuestionStore.QuestionRow::addresseeId).ifPresent(ids::add);
        var names = names(ids);
        var texts = new ArrayList<String>();
        texts.add(post.body());
        all.forEach(c -> texts.add(c.body()));
        var html = mentions.renderer(seat.communityId(), seat.community().slug(), texts);
        var question = answering.info(seat, post, all, names);
        var attached = media.ofPost(seat.community().slug(), post.id());
        var section = post.sectionId() == null ? null : sections.byId(seat.communityId(), post.sectionId()).orElse(null);
        var may = ContentPolicy.of(seat);
        var scopeName = post.subgroupId() == null ? null : Scopes.label(scopes.names(seat.communityId()), post.subgroupId());
        return new PostView(post.id(), seat.community().slug(), seat.community().name(), post.kind(), post.title(),
                post.body(), html.apply(post.body()), post.authorId(), name(names, post.authorId()),
                post.sectionId(), section == null ? null : section.name(), post.tagList(), post.pinnedAt() != null,
                post.featuredAt() != null, post.editedAt() != null, post.createdAt(), post.editedAt(),
                post.commentCount(), Answering.ordered(threads(all, seat, names, html), question), may.mayEdit(post.authorId()),
                may.mayDelete(post.authorId()), may.mayCurate(), may.maySeeHistory(post.authorId()),
                may.mayComment() && post.scope().takingPartBy(seat), question,
                attached.stream().filter(MediaView::image).toList(),
                attached.stream().filter(m -> !m.image()).toList(), post.hidden() && !post.held(), post.held(),
                may.mayReport(post.authorId()), scopeName);
    }

    public PostHistory history(Viewer viewer, String slug, long postId) {
        var seat = access.read(viewer, slug);
        var post = visible.get(seat, postId);
        if (!ContentPolicy.of(seat).maySeeHistory(post.authorId())) {
            throw Rejection.forbidden("content.post.historyForbidden");
        }
        var versions = new ArrayList<PostVersion>();
        int n = 1;
        var earlier = posts.versions(post.id());
        var texts = new ArrayList<String>();
        texts.add(post.body());
        earlier.forEach(v -> texts.add(v.body()));
        var html = mentions.renderer(seat.communityId(), seat.community().slug(), texts);
        for (var v : earlier) {
            versions.add(new PostVersion(n++, v.title(), v.body(), html.apply(v.body()), tags(v.tags()),
                    v.writtenAt(), false));
        }
        versions.add(new PostVersion(n, post.title(), post.body(), html.apply(post.body()), post.tagList(),
                post.editedAt() != null ? post.editedAt() : post.createdAt(), true));
        return new PostHistory(post.id(), seat.community().slug(), seat.community().name(), seat.runs(), post.title(),
                versions);
    }

    public List<SectionView> sections(Viewer viewer, String slug) {
        var seat = access.read(viewer, slug);
        return sections.ofCommunity(seat.communityId()).stream().map(ContentReader::view).toList();
    }

    /** The editor for a new post (postId null) or the author's edit of one; sections the viewer may post in. */
    public PostEditor editor(Viewer viewer, String slug, Long postId, Long sectionId) {
        var seat = access.write(viewer, slug);
        var open = sections.ofCommunity(seat.communityId()).stream()
                .filter(s -> !s.archived() && s.rule().allows(seat.role().orElseThrow())).map(ContentReader::view).toList();
        if (postId == null) {
            return new PostEditor(seat.community().slug(), seat.community().name(), null, "DISCUSSION", sectionId, "", "",
                    "", open, ownerChoice(seat), null, List.of(), List.of(), seat.runs(), scopes.choices(seat), null);
        }
        var post = visible.get(seat, postId);
        if (post.authorId() != seat.accountId()) {
            throw Rejection.forbidden("content.post.authorOnly");
        }
        var attached = media.ofPost(seat.community().slug(), post.id());
        return new PostEditor(seat.community().slug(), seat.community().name(), post.id(), post.kind(),
                post.sectionId(), post.title(), post.body(), String.join(", ", post.tagList()), open, null, null,
                attached.stream().filter(MediaView::image).toList(), attached.stream().filter(m -> !m.image()).toList(),
                seat.runs(), List.of(), post.subgroupId());
    }

    /** The editor for a new post, its scope set to {@code subgroupId} when the viewer may choose it (else none). */
    public PostEditor newEditor(Viewer viewer, String slug, Long sectionId, Long subgroupId) {
        var blank = editor(viewer, slug, null, sectionId);
        var chosen = subgroupId != null && blank.scopes().stream().anyMatch(c -> c.id() == subgroupId) ? subgroupId : null;
        return new PostEditor(blank.slug(), blank.communityName(), null, blank.kind(), blank.sectionId(), blank.title(),
                blank.body(), blank.tags(), blank.sections(), blank.owner(), blank.addressee(), blank.images(),
                blank.attachments(), blank.runs(), blank.scopes(), chosen);
    }

    /**
     * The one-click addressee of a new question: the owner, unless I am the owner. Anyone else is found by name
     * (the member autocomplete), so the form stays small however large the community.
     */
    private PostEditor.MemberChoice ownerChoice(Standing seat) {
        return seat.owner() ? null : choice(seat.community().ownerId());
    }

    /** The addressee picked before a refusal, shown again only if a member (a typed id must not reveal names). */
    private PostEditor.MemberChoice pickedAgain(Viewer viewer, String slug, Long addresseeId) {
        if (addresseeId == null) {
            return null;
        }
        var seat = access.write(viewer, slug);
        return answering.addressable(seat, addresseeId) ? choice(addresseeId) : null;
    }

    private PostEditor.MemberChoice choice(long accountId) {
        return new PostEditor.MemberChoice(accountId, name(names(List.of(accountId)), accountId));
    }

    /** What feed cards show besides the post row: question state, images, which ones I liked; read once per page. */
    record CardExtras(Map<Long, QuestionStore.Summary> questions, Map<Long, List<PostMediaStore.MediaRow>> images,
                      java.util.Set<Long> liked, Map<Long, String> groupNames) {

        /** The accounts whose names the cards show: authors and the members questions are addressed to. */
        Collection<Long> nameIds(List<PostRow> shown) {
            var ids = new HashSet<Long>();
            shown.forEach(p -> ids.add(p.authorId()));
            questions.values().forEach(q -> {
                if (q.addresseeId() != null) {
                    ids.add(q.addresseeId());
                }
            });
            return ids;
        }
    }

    /** {@code viewerId} 0 is nobody (live fragments): no "liked" marks, and no query for them. */
    CardExtras extras(List<PostRow> shown, long viewerId) {
        return extras(shown, viewerId, 0);
    }

    /** The same, with the names of the sub-groups scoped posts are for (read only when the page shows one). */
    CardExtras extras(List<PostRow> shown, long viewerId, long communityId) {
        var ids = shown.stream().map(PostRow::id).toList();
        var questionIds = shown.stream().filter(p -> PostKind.QUESTION.name().equals(p.kind())).map(PostRow::id).toList();
        var groups = communityId != 0 && shown.stream().anyMatch(p -> p.subgroupId() != null)
                ? scopes.names(communityId) : Map.<Long, String>of();
        return new CardExtras(questions.summaries(questionIds), media.imagesOf(ids),
                viewerId == 0 ? java.util.Set.of() : likes.likedBy(viewerId, ids), groups);
    }

    /** The editor again after a refused submission, with what was typed. */
    public PostEditor editor(Viewer viewer, String slug, Long postId, PostDraft typed, String tagLine) {
        var blank = editor(viewer, slug, postId, typed.sectionId());
        return new PostEditor(blank.slug(), blank.communityName(), postId, typed.kind() == null ? "DISCUSSION" : typed.kind(),
                typed.sectionId(), typed.title() == null ? "" : typed.title(), typed.body() == null ? "" : typed.body(),
                tagLine == null ? "" : tagLine, blank.sections(), blank.owner(), pickedAgain(viewer, slug, typed.addresseeId()),
                typed.imageIds() == null ? blank.images()
                        : blank.images().stream().filter(m -> typed.imageIds().contains(m.id())).toList(),
                typed.attachmentIds() == null ? blank.attachments()
                        : blank.attachments().stream().filter(m -> typed.attachmentIds().contains(m.id())).toList(),
                blank.runs(), blank.scopes(), postId == null ? typed.subgroupId() : blank.subgroupId());
    }

    private List<CommentView> threads(List<CommentRow> visible, Standing seat, Map<Long, AccountSummary> names,
                                      java.util.function.UnaryOperator<String> html) {
        // a hidden comment reads like a deleted one, except for owners and admins and a held comment's author
        var all = seat.runs() ? visible : visible.stream().map(c -> c.hidden() && !c.deleted()
                && !(c.held() && c.authorId() == seat.accountId())
                ? new CommentRow(c.id(), c.postId(), c.communityId(), c.parentId(), c.authorId(), "", c.createdAt(),
                c.hiddenAt(), c.hiddenAt(), c.hiddenBy()) : c).toList();
        var replies = new LinkedHashMap<Long, List<CommentView>>();
        for (var c : all) {
            if (c.parentId() != null && !c.deleted()) {
                replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(comment(c, seat, names, List.of(), html));
            }
        }
        var top = new ArrayList<CommentView>();
        for (var c : all) {
            if (c.parentId() == null) {
                var mine = replies.getOrDefault(c.id(), List.of());
                if (!c.deleted() || !mine.isEmpty()) {
                    top.add(comment(c, seat, names, mine, html));
                }
            }
        }
        return top;
    }

    private CommentView comment(CommentRow c, Standing seat, Map<Long, AccountSummary> names, List<CommentView> replies, java.util.function.UnaryOperator<String> html) {
        if (c.deleted()) {
            return new CommentView(c.id(), c.parentId(), 0, "", "", c.createdAt(), true, false, false, false, replies,
                    false);
        }
        return new CommentView(c.id(), c.parentId(), c.authorId(), name(names, c.authorId()), html.apply(c.body()),
                c.createdAt(), false, ContentPolicy.of(seat).mayDelete(c.authorId()),
                c.hidden() && !c.held(), c.held(), replies, ContentPolicy.of(seat).mayReport(c.authorId()));
    }

    PostCard card(PostRow p, long viewerId, String slug, OffsetDateTime mark, Map<Long, AccountSummary> names,
                  Map<Long, String> sectionNames, CardExtras extras) {
        boolean unread = mark != null && p.createdAt().isAfter(mark) && p.authorId() != viewerId;
        var q = PostKind.QUESTION.name().equals(p.kind()) ? extras.questions().get(p.id()) : null;
        var question = q == null ? null : new QuestionInfo(q.addresseeId(),
                q.addresseeId() == null ? null : name(names, q.addresseeId()), null, q.solved(), false);
        var images = extras.images().getOrDefault(p.id(), List.of());
        return new PostCard(p.id(), p.kind(), p.title(), excerpt(p.body()), p.authorId(), name(names, p.authorId()),
                p.sectionId(), p.sectionId() == null ? null : sectionNames.get(p.sectionId()), p.tagList(),
                p.commentCount(), p.pinnedAt() != null, p.featuredAt() != null, unread, p.editedAt() != null,
                p.createdAt(), question, images.size(),
                images.isEmpty() ? null : PostMedia.view(slug, images.getFirst()), p.reactionCount(),
                extras.liked().contains(p.id()), p.hidden() && !p.held(), p.held(),
                Scopes.label(extras.groupNames(), p.subgroupId()));
    }

    /**
     * Plain text (never HTML): pages escape it like any other text. Only the body's beginning is flattened:
     * a feed page shows twenty excerpts, and an article may be tens of thousands of characters long.
     */
    static String excerpt(String body) {
        var head = head(body, EXCERPT * 4);
        return head == null ? "" : EXCERPTS.get(head, ContentReader::flatten);
    }

    private static String flatten(String head) {
        var flat = Markdown.plainText(head);
        return flat.length() <= EXCERPT ? flat : head(flat, EXCERPT) + "…";
    }

    /** Excerpts by the text they come from: a feed shows the same few dozen posts to everyone who opens it. */
    private static final com.github.benmanes.caffeine.cache.Cache<String, String> EXCERPTS =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(20_000).build();

    /** The first {@code length} characters, one fewer rather than half an emoji. */
    private static String head(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length);
    }

    Map<Long, AccountSummary> names(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : accounts.findAll(ids);
    }

    static String name(Map<Long, AccountSummary> names, long id) {
        var a = names.get(id);
        return a == null ? "?" : a.displayName();
    }

    private static List<String> tags(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    public static SectionView view(SectionRow s) {
        return new SectionView(s.id(), s.name(), s.description(), s.icon(), s.posting(), s.position(), s.archived());
    }

    private static PostStore.Order order(String view) {
        if (view == null || view.isEmpty() || view.equals("latest")) {
            return PostStore.Order.LATEST;
        }
        if (view.equals("featured")) {
            return PostStore.Order.FEATURED;
        }
        throw Rejection.invalid("view", "content.feed.view.unknown");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
