package org.shequn.content;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shequn.content.view.CommentView;
import org.shequn.content.view.FeedPage;
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
class ContentReader implements Posts {

    static final int PAGE_SIZE = 20;
    private static final int EXCERPT = 140;

    private final ContentAccess access;
    private final PostStore posts;
    private final SectionStore sections;
    private final CommentStore comments;
    private final FeedVisits visits;
    private final Accounts accounts;
    private final Markdown markdown;
    private final Clock clock;

    ContentReader(ContentAccess access, PostStore posts, SectionStore sections, CommentStore comments,
                  FeedVisits visits, Accounts accounts, Markdown markdown, Clock clock) {
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
    public Optional<PostRef> find(long postId) {
        return posts.byId(postId).filter(p -> !p.hidden()).map(p -> new PostRef(p.id(), p.communityId(), p.authorId(), p.title(), p.kind()));
    }

    @Override
    public Optional<Text> postText(long postId) {
        return posts.byId(postId).map(p -> new Text(p.id(), p.communityId(), p.id(), p.sectionId(), p.authorId(), p.kind(),
                p.title(), p.body(), p.createdAt()));
    }

    @Override
    public Optional<Text> commentText(long communityId, long commentId) {
        return comments.byId(communityId, commentId).filter(c -> !c.deleted())
                .flatMap(c -> posts.byId(c.postId()).map(p -> new Text(c.id(), c.communityId(), p.id(), p.sectionId(),
                        c.authorId(), p.kind(), p.title(), c.body(), c.createdAt())));
    }

    /** A feed page. Opening the first page of the latest view counts as a visit (moves the "new" mark). */
    @Transactional
    FeedPage feed(Viewer viewer, String slug, Long sectionId, String view, String cursorToken) {
        var seat = access.read(viewer, slug);
        var order = order(view);
        var all = sections.ofCommunity(seat.communityId());
        if (sectionId != null && all.stream().noneMatch(s -> s.id() == sectionId)) {
            throw Rejection.notFound("content.section.notFound");
        }
        var cursor = Cursor.decode(cursorToken);
        OffsetDateTime before = cursor == null ? null : cursor.time();
        OffsetDateTime mark = cursor == null && order == PostStore.Order.LATEST
                ? visits.visit(seat.communityId(), seat.accountId(), now())
                : visits.previous(seat.communityId(), seat.accountId());
        boolean pinnedBlock = sectionId == null && order == PostStore.Order.LATEST;
        var pinned = pinnedBlock && cursor == null ? posts.pinned(seat.communityId(), seat.runs()) : List.<PostRow>of();
        var rows = posts.page(seat.communityId(), sectionId, order, pinnedBlock, seat.runs(), before,
                cursor == null ? 0 : cursor.id(), PAGE_SIZE + 1);
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            var last = rows.getLast();
            var key = order == PostStore.Order.LATEST ? last.createdAt() : last.featuredAt();
            next = Cursor.at(key, last.id()).encode();
        }
        var names = names(authors(pinned, rows));
        var sectionNames = new LinkedHashMap<Long, String>();
        all.forEach(s -> sectionNames.put(s.id(), s.name()));
        boolean canPost = !seat.community().archived();
        return new FeedPage(seat.community().slug(), seat.community().name(), seat.community().archived(),
                order.name().toLowerCase(java.util.Locale.ROOT), sectionId, all.stream().map(ContentReader::view).toList(),
                pinned.stream().map(p -> card(p, seat, mark, names, sectionNames)).toList(),
                rows.stream().map(p -> card(p, seat, mark, names, sectionNames)).toList(), next, canPost, seat.owner());
    }

    PostView post(Viewer viewer, String slug, long postId) {
        var seat = access.read(viewer, slug);
        var post = live(seat, postId);
        var all = comments.ofPost(post.id());
        var ids = new HashSet<Long>();
        ids.add(post.authorId());
        all.forEach(c -> ids.add(c.authorId()));
        var names = names(ids);
        var section = post.sectionId() == null ? null : sections.byId(seat.communityId(), post.sectionId()).orElse(null);
        boolean writable = !seat.community().archived();
        boolean mine = post.authorId() == seat.accountId();
        return new PostView(post.id(), seat.community().slug(), seat.community().name(), post.kind(), post.title(),
                post.body(), markdown.toSafeHtml(post.body()), post.authorId(), name(names, post.authorId()),
                post.sectionId(), section == null ? null : section.name(), post.tagList(), post.pinnedAt() != null,
                post.featuredAt() != null, post.editedAt() != null, post.createdAt(), post.editedAt(),
                post.commentCount(), threads(all, seat, names), writable && mine, writable && (mine || seat.runs()),
                writable && seat.runs(), mine || seat.runs(), writable);
    }

    PostHistory history(Viewer viewer, String slug, long postId) {
        var seat = access.read(viewer, slug);
        var post = live(seat, postId);
        if (post.authorId() != seat.accountId() && !seat.runs()) {
            throw Rejection.forbidden("content.post.historyForbidden");
        }
        var versions = new ArrayList<PostVersion>();
        int n = 1;
        for (var v : posts.versions(post.id())) {
            versions.add(new PostVersion(n++, v.title(), v.body(), markdown.toSafeHtml(v.body()), tags(v.tags()),
                    v.writtenAt(), false));
        }
        versions.add(new PostVersion(n, post.title(), post.body(), markdown.toSafeHtml(post.body()), post.tagList(),
                post.editedAt() != null ? post.editedAt() : post.createdAt(), true));
        return new PostHistory(post.id(), seat.community().slug(), post.title(), versions);
    }

    List<SectionView> sections(Viewer viewer, String slug) {
        var seat = access.read(viewer, slug);
        return sections.ofCommunity(seat.communityId()).stream().map(ContentReader::view).toList();
    }

    /** The editor for a new post (postId null) or the author's edit of one; sections the viewer may post in. */
    PostEditor editor(Viewer viewer, String slug, Long postId, Long sectionId) {
        var seat = access.write(viewer, slug);
        var open = sections.ofCommunity(seat.communityId()).stream()
                .filter(s -> !s.archived() && s.rule().allows(seat.role())).map(ContentReader::view).toList();
        if (postId == null) {
            return new PostEditor(seat.community().slug(), seat.community().name(), null, "DISCUSSION", sectionId, "", "",
                    "", open);
        }
        var post = live(seat, postId);
        if (post.authorId() != seat.accountId()) {
            throw Rejection.forbidden("content.post.authorOnly");
        }
        return new PostEditor(seat.community().slug(), seat.community().name(), post.id(), post.kind(),
                post.sectionId(), post.title(), post.body(), String.join(", ", post.tagList()), open);
    }

    /** The editor again after a refused submission, with what was typed. */
    PostEditor editor(Viewer viewer, String slug, Long postId, PostDraft typed, String tagLine) {
        var blank = editor(viewer, slug, postId, typed.sectionId());
        return new PostEditor(blank.slug(), blank.communityName(), postId, typed.kind() == null ? "DISCUSSION" : typed.kind(),
                typed.sectionId(), typed.title() == null ? "" : typed.title(), typed.body() == null ? "" : typed.body(),
                tagLine == null ? "" : tagLine, blank.sections());
    }

    private PostRow live(Seat seat, long postId) {
        return posts.byId(seat.communityId(), postId).filter(p -> p.visibleTo(seat))
                .orElseThrow(() -> Rejection.notFound("content.post.notFound"));
    }

    private List<CommentView> threads(List<CommentRow> visible, Seat seat, Map<Long, AccountSummary> names) {
        boolean writable = !seat.community().archived();
        // a hidden comment reads like a deleted one, except for owners and admins
        var all = seat.runs() ? visible : visible.stream().map(c -> c.hidden() && !c.deleted()
                ? new CommentRow(c.id(), c.postId(), c.communityId(), c.parentId(), c.authorId(), "", c.createdAt(),
                c.hiddenAt(), c.hiddenAt()) : c).toList();
        var replies = new LinkedHashMap<Long, List<CommentView>>();
        for (var c : all) {
            if (c.parentId() != null && !c.deleted()) {
                replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(comment(c, seat, names, writable, List.of()));
            }
        }
        var top = new ArrayList<CommentView>();
        for (var c : all) {
            if (c.parentId() == null) {
                var mine = replies.getOrDefault(c.id(), List.of());
                if (!c.deleted() || !mine.isEmpty()) {
                    top.add(comment(c, seat, names, writable, mine));
                }
            }
        }
        return top;
    }

    private CommentView comment(CommentRow c, Seat seat, Map<Long, AccountSummary> names, boolean writable,
                                List<CommentView> replies) {
        if (c.deleted()) {
            return new CommentView(c.id(), c.parentId(), 0, "", "", c.createdAt(), true, false, replies);
        }
        return new CommentView(c.id(), c.parentId(), c.authorId(), name(names, c.authorId()), markdown.toSafeHtml(c.body()),
                c.createdAt(), false, writable && (c.authorId() == seat.accountId() || seat.runs()), replies);
    }

    private PostCard card(PostRow p, Seat seat, OffsetDateTime mark, Map<Long, AccountSummary> names,
                          Map<Long, String> sectionNames) {
        boolean unread = mark != null && p.createdAt().isAfter(mark) && p.authorId() != seat.accountId();
        return card(p, unread, name(names, p.authorId()), p.sectionId() == null ? null : sectionNames.get(p.sectionId()));
    }

    static PostCard card(PostRow p, boolean unread, String authorName, String sectionName) {
        return new PostCard(p.id(), p.kind(), p.title(), excerpt(p.body()), p.authorId(), authorName, p.sectionId(),
                sectionName, p.tagList(), p.commentCount(), p.pinnedAt() != null, p.featuredAt() != null, unread,
                p.editedAt() != null, p.createdAt());
    }

    /** Plain text (never HTML): pages escape it like any other text. */
    static String excerpt(String body) {
        // a feed line reads as text: drop Markdown's link targets and markup characters
        var flat = body.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("[#*_`>~|]+", " ")
                .replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }

    private static Collection<Long> authors(List<PostRow> a, List<PostRow> b) {
        var ids = new HashSet<Long>();
        a.forEach(p -> ids.add(p.authorId()));
        b.forEach(p -> ids.add(p.authorId()));
        return ids;
    }

    private Map<Long, AccountSummary> names(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : accounts.findAll(ids);
    }

    private static String name(Map<Long, AccountSummary> names, long id) {
        var a = names.get(id);
        return a == null ? "?" : a.displayName();
    }

    private static List<String> tags(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    static SectionView view(SectionRow s) {
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
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
