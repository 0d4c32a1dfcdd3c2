package org.shequn.content;

import org.shequn.membership.Standing;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.shequn.community.CommunityRole;
import org.shequn.membership.MemberMute;
import org.shequn.membership.Memberships;
import org.shequn.content.view.AuditEntry;
import org.shequn.content.view.BannedWord;
import org.shequn.content.view.HeldComment;
import org.shequn.content.view.HeldPost;
import org.shequn.content.view.ModerationPage;
import org.shequn.content.view.MuteView;
import org.shequn.content.view.ReportView;
import org.shequn.identity.AccountSummary;
import org.shequn.identity.Accounts;
import org.shequn.shared.Cursor;
import org.shequn.shared.Page;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderation inside a community: members report posts and comments; owners and admins work the queue (hide,
 * restore, dismiss), mute members, keep the banned-words list, approve held posts. Every action is audited.
 */
@Service
class Moderation {

    static final int MAX_WORDS = 200;
    static final int MIN_MUTE_HOURS = 1;
    static final int MAX_MUTE_HOURS = 30 * 24;

    record ReportDraft(Long postId, Long commentId,
                       @NotBlank @Size(max = 500) @Pattern(regexp = PostDraft.MULTI_LINE, message = "{validation.noControlCharacters}") String reason) {
    }

    record MuteDraft(Integer hours, @Size(max = 200) @Pattern(regexp = PostDraft.MULTI_LINE, message = "{validation.noControlCharacters}") String reason) {
    }

    record WordList(List<BannedWord> words) {
    }

    private final VisiblePosts visible;
    private final ContentAccess access;
    private final PostStore posts;
    private final CommentStore comments;
    private final ModerationStore store;
    private final Memberships memberships;
    private final Accounts accounts;
    private final Validation validation;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Moderation(VisiblePosts visible, ContentAccess access, PostStore posts, CommentStore comments, ModerationStore store, Memberships memberships,
               Accounts accounts, Validation validation, Clock clock, ApplicationEventPublisher events) {
        this.visible = visible;
        this.events = events;
        this.access = access;
        this.posts = posts;
        this.comments = comments;
        this.store = store;
        this.memberships = memberships;
        this.accounts = accounts;
        this.validation = validation;
        this.clock = clock;
    }

    @Transactional
    long report(Viewer viewer, String slug, ReportDraft draft) {
        // an archived community is read-only: nothing is reported, as nothing is written, there
        var seat = access.write(viewer, slug);
        if (draft == null || (draft.postId() == null) == (draft.commentId() == null)) {
            throw Rejection.invalid("postId", "content.moderation.report.target");
        }
        validation.check(draft);
        if (draft.postId() != null) {
            visible.get(seat, draft.postId());
        } else {
            comment(seat, draft.commentId());
        }
        if (store.hasOpenReport(seat.accountId(), draft.postId(), draft.commentId())) {
            throw Rejection.conflict("content.moderation.report.duplicate");
        }
        try {
            return store.report(seat.communityId(), draft.postId(), draft.commentId(), seat.accountId(),
                    draft.reason().strip(), now());
        } catch (DuplicateKeyException e) {
            // the same member's simultaneous report won the race: the same answer as a later duplicate
            throw Rejection.conflict("content.moderation.report.duplicate");
        }
    }

    /** Reports a comment from its post's page; returns the post, to go back to. */
    @Transactional
    long reportComment(Viewer viewer, String slug, long commentId, String reason) {
        report(viewer, slug, new ReportDraft(null, commentId, reason));
        return comments.byId(access.read(viewer, slug).communityId(), commentId).map(CommentRow::postId).orElseThrow();
    }

    Page<ReportView> queue(Viewer viewer, String slug, String status, String cursor) {
        var seat = runner(viewer, slug);
        var wanted = status == null || status.isEmpty() ? "OPEN" : status.toUpperCase(Locale.ROOT);
        if (!List.of("OPEN", "DISMISSED", "RESOLVED").contains(wanted)) {
            throw Rejection.invalid("status", "content.moderation.report.status");
        }
        return reports(seat, wanted, Cursor.decode(cursor));
    }

    @Transactional
    void dismiss(Viewer viewer, String slug, long reportId) {
        var seat = runnerWriting(viewer, slug);
        var report = store.report(seat.communityId(), reportId)
                .orElseThrow(() -> Rejection.notFound("content.moderation.report.notFound"));
        if (!report.status().equals("OPEN")) {
            throw Rejection.conflict("content.moderation.report.closed");
        }
        store.closeReport(report.id(), "DISMISSED", seat.accountId(), now());
        audit(seat, "DISMISS", report.postId(), report.commentId(), report.reporterId(), report.reason());
    }

    /** Hides a post (or shows it again). Showing a held post approves it. */
    @Transactional
    void hidePost(Viewer viewer, String slug, long postId, boolean hide) {
        var seat = runnerWriting(viewer, slug);
        var post = posts.byId(seat.communityId(), postId).filter(p -> !p.deleted())
                .orElseThrow(() -> Rejection.notFound("content.post.notFound"));
        // hiding a hidden post or showing a published one changes nothing; hiding a held one takes it off the queue
        if (hide ? post.state() == ContentState.HIDDEN : post.state() == ContentState.PUBLISHED) {
            return;
        }
        var now = now();
        var transition = hide ? PostLifecycle.hide(post, seat.accountId(), now) : PostLifecycle.show(post);
        posts.apply(transition);
        store.resolveReports(seat.communityId(), post.id(), null, seat.accountId(), now);
        long audited = audit(seat, hide ? "HIDE" : post.held() ? "APPROVE" : "RESTORE", post.id(), null, post.authorId(),
                post.title());
        decided(seat, audited, post.authorId(), hide ? ModerationDecided.Action.POST_HIDDEN
                : post.held() ? ModerationDecided.Action.POST_APPROVED : ModerationDecided.Action.POST_RESTORED,
                post.id(), null, null, null);
        // an approved post is published now: followers hear of it as of any new post
        transition.event().ifPresent(events::publishEvent);
    }

    @Transactional
    void hideComment(Viewer viewer, String slug, long commentId, boolean hide) {
        var seat = runnerWriting(viewer, slug);
        var comment = comment(seat, commentId);
        // hiding a held comment changes nothing: it is hidden already, and rejecting it is deleting it
        if (hide == comment.hidden()) {
            return;
        }
        var now = now();
        var transition = hide ? CommentLifecycle.hide(comment, seat.accountId(), now)
                : CommentLifecycle.show(comment, posts.byId(seat.communityId(), comment.postId()).orElseThrow());
        comments.apply(transition);
        store.resolveReports(seat.communityId(), null, comment.id(), seat.accountId(), now);
        boolean approve = !hide && comment.held();
        long audited = audit(seat, hide ? "HIDE" : approve ? "APPROVE" : "RESTORE", comment.postId(), comment.id(),
                comment.authorId(), "");
        decided(seat, audited, comment.authorId(), hide ? ModerationDecided.Action.COMMENT_HIDDEN
                : approve ? ModerationDecided.Action.COMMENT_APPROVED : ModerationDecided.Action.COMMENT_RESTORED,
                comment.postId(), comment.id(), null, null);
        // an approved comment is published now: notifications, search, live updates and hot score hear of it
        transition.event().ifPresent(events::publishEvent);
    }

    /** Records a moderator's deletion of someone else's post or comment (the content use cases call this). */
    void deleted(Standing seat, long postId, Long commentId, long authorId) {
        if (authorId != seat.accountId()) {
            store.resolveReports(seat.communityId(), commentId == null ? postId : null, commentId, seat.accountId(), now());
            long audited = audit(seat, "DELETE", postId, commentId, authorId, "");
            decided(seat, audited, authorId, commentId == null ? ModerationDecided.Action.POST_DELETED
                    : ModerationDecided.Action.COMMENT_DELETED, postId, commentId, null, null);
        }
    }

    @Transactional
    MuteView mute(Viewer viewer, String slug, long accountId, MuteDraft draft) {
        var seat = runnerWriting(viewer, slug);
        var role = memberships.roleOf(seat.communityId(), accountId)
                .orElseThrow(() -> Rejection.notFound("content.moderation.mute.notMember"));
        if (!mayMute(seat, accountId, role)) {
            throw Rejection.forbidden("content.moderation.mute.forbidden");
        }
        if (draft == null || draft.hours() == null || draft.hours() < MIN_MUTE_HOURS || draft.hours() > MAX_MUTE_HOURS) {
            throw Rejection.invalid("hours", "content.moderation.mute.hours", MIN_MUTE_HOURS, MAX_MUTE_HOURS);
        }
        validation.check(draft);
        var reason = draft.reason() == null ? "" : draft.reason().strip();
        var until = now().plusHours(draft.hours());
        memberships.mute(seat.communityId(), accountId, until, reason, seat.accountId());
        long audited = audit(seat, "MUTE", null, null, accountId, draft.hours() + "h " + reason);
        decided(seat, audited, accountId, ModerationDecided.Action.MUTED, null, null, reason, until);
        return new MuteView(accountId, name(names(List.of(accountId)), accountId), until, reason);
    }

    /** Nobody mutes the owner or themselves, and only the owner mutes an admin. */
    private static boolean mayMute(Standing seat, long accountId, CommunityRole role) {
        return role != CommunityRole.OWNER && (role != CommunityRole.ADMIN || seat.owner()) && accountId != seat.accountId();
    }

    @Transactional
    void unmute(Viewer viewer, String slug, long accountId) {
        var seat = runnerWriting(viewer, slug);
        if (!memberships.unmute(seat.communityId(), accountId)) {
            // nothing to lift: fine for a member, but nobody else can have been muted here
            if (memberships.roleOf(seat.communityId(), accountId).isEmpty()) {
                throw Rejection.notFound("content.moderation.mute.notMember");
            }
        } else {
            long audited = audit(seat, "UNMUTE", null, null, accountId, "");
            decided(seat, audited, accountId, ModerationDecided.Action.UNMUTED, null, null, null, null);
        }
    }

    List<MuteView> mutes(Viewer viewer, String slug) {
        var seat = runner(viewer, slug);
        return mutes(seat);
    }

    List<BannedWord> words(Viewer viewer, String slug) {
        var seat = runner(viewer, slug);
        return store.words(seat.communityId()).stream().map(w -> new BannedWord(w.word(), w.mode())).toList();
    }

    /** Replaces the list; words are compared case-insensitively, so they are kept in lower case. */
    @Transactional
    List<BannedWord> replaceWords(Viewer viewer, String slug, WordList list) {
        var seat = runnerWriting(viewer, slug);
        if (list == null || list.words() == null) {
            throw Rejection.invalid("words", "content.moderation.words.required");
        }
        if (list.words().size() > MAX_WORDS) {
            throw Rejection.invalid("words", "content.moderation.words.tooMany", MAX_WORDS);
        }
        var clean = new LinkedHashMap<String, ModerationStore.WordRow>();
        for (var w : list.words()) {
            var word = w == null || w.word() == null ? "" : w.word().strip().toLowerCase(Locale.ROOT);
            if (word.isEmpty() || word.length() > 30 || !word.matches(PostDraft.MULTI_LINE) || word.contains("\n")) {
                throw Rejection.invalid("words", "content.moderation.words.word", 30);
            }
            var mode = w.mode() == null ? "BLOCK" : w.mode().toUpperCase(Locale.ROOT);
            if (!mode.equals("BLOCK") && !mode.equals("HOLD")) {
                throw Rejection.invalid("words", "content.moderation.words.mode");
            }
            clean.put(word, new ModerationStore.WordRow(word, mode));
        }
        store.replaceWords(seat.communityId(), List.copyOf(clean.values()));
        audit(seat, "WORDS", null, null, null, clean.size() + ": " + String.join(", ", clean.keySet()));
        return clean.values().stream().map(w -> new BannedWord(w.word(), w.mode())).toList();
    }

    Page<AuditEntry> audit(Viewer viewer, String slug, String cursor) {
        return audit(runner(viewer, slug), Cursor.decode(cursor));
    }

    /** The page, each of its paged lists from its own cursor (null: the newest). */
    ModerationPage page(Viewer viewer, String slug, ModerationPage.Cursors cursors) {
        var seat = runner(viewer, slug);
        return new ModerationPage(seat.community().slug(), seat.community().name(),
                reports(seat, "OPEN", Cursor.decode(cursors.reports())),
                heldPosts(seat, Cursor.decode(cursors.held())),
                heldComments(seat, Cursor.decode(cursors.comments())),
                mutes(seat), store.words(seat.communityId()).stream().map(w -> new BannedWord(w.word(), w.mode())).toList(),
                audit(seat, Cursor.decode(cursors.audit())), cursors);
    }

    /** Comments waiting for review (approve: show them; reject: delete them). */
    Page<HeldComment> heldComments(Viewer viewer, String slug, String cursor) {
        return heldComments(runner(viewer, slug), Cursor.decode(cursor));
    }

    private Page<HeldComment> heldComments(Standing seat, Cursor before) {
        return page(comments.held(seat.communityId(), before, ModerationStore.PAGE_SIZE + 1),
                c -> Cursor.at(c.createdAt(), c.id()), rows -> {
                    var names = names(rows.stream().map(CommentRow::authorId).toList());
                    return rows.stream().map(c -> new HeldComment(c.id(), c.postId(), ContentReader.excerpt(c.body()),
                            c.authorId(), name(names, c.authorId()), c.createdAt())).toList();
                });
    }

    private Page<HeldPost> heldPosts(Standing seat, Cursor before) {
        return page(store.held(seat.communityId(), before, ModerationStore.PAGE_SIZE + 1),
                p -> Cursor.at(p.createdAt(), p.id()), rows -> {
                    var names = names(rows.stream().map(PostRow::authorId).toList());
                    return rows.stream().map(p -> new HeldPost(p.id(), p.title(), ContentReader.excerpt(p.body()),
                            p.authorId(), name(names, p.authorId()), p.createdAt())).toList();
                });
    }

    /** Cuts rows fetched with one extra (telling whether a next page exists) to a page of views. */
    private static <R, V> Page<V> page(List<R> rows, Function<R, Cursor> position, Function<List<R>, List<V>> views) {
        boolean more = rows.size() > ModerationStore.PAGE_SIZE;
        var shown = more ? rows.subList(0, ModerationStore.PAGE_SIZE) : rows;
        return new Page<>(views.apply(shown), more ? position.apply(shown.getLast()).encode() : null);
    }

    private List<MuteView> mutes(Standing seat) {
        var rows = memberships.mutes(seat.communityId(), now());
        var names = names(rows.stream().map(MemberMute::accountId).toList());
        return rows.stream().map(m -> new MuteView(m.accountId(), name(names, m.accountId()), m.untilAt(), m.reason())).toList();
    }

    private Page<AuditEntry> audit(Standing seat, Cursor before) {
        return page(store.audit(seat.communityId(), before, ModerationStore.PAGE_SIZE + 1),
                r -> Cursor.at(r.createdAt(), r.id()), rows -> auditEntries(rows));
    }

    private List<AuditEntry> auditEntries(List<ModerationStore.AuditRow> rows) {
        var ids = new HashSet<Long>();
        rows.forEach(r -> {
            ids.add(r.actorId());
            if (r.subjectId() != null) {
                ids.add(r.subjectId());
            }
        });
        var names = names(ids);
        return rows.stream().map(r -> new AuditEntry(r.id(), r.actorId(), name(names, r.actorId()), r.action(), r.postId(),
                r.commentId(), r.subjectId(), r.subjectId() == null ? null : name(names, r.subjectId()), r.detail(),
                r.createdAt())).toList();
    }

    private Page<ReportView> reports(Standing seat, String status, Cursor before) {
        return page(store.reports(seat.communityId(), status, before, ModerationStore.PAGE_SIZE + 1),
                r -> Cursor.at(r.createdAt(), r.id()), rows -> reportViews(seat, rows));
    }

    private List<ReportView> reportViews(Standing seat, List<ModerationStore.ReportRow> rows) {
        var out = new ArrayList<ReportView>();
        var items = new ArrayList<Object[]>();
        var ids = new HashSet<Long>();
        for (var r : rows) {
            ids.add(r.reporterId());
            long authorId = 0;
            String text = "";
            boolean hidden = false;
            boolean deleted = true;
            if (r.postId() != null) {
                var p = posts.byId(seat.communityId(), r.postId()).orElse(null);
                if (p != null) {
                    authorId = p.authorId();
                    text = (p.title().isEmpty() ? "" : p.title() + " — ") + ContentReader.excerpt(p.body());
                    hidden = p.hidden();
                    deleted = p.deleted();
                }
            } else {
                var c = comments.byId(seat.communityId(), r.commentId()).orElse(null);
                if (c != null) {
                    authorId = c.authorId();
                    text = ContentReader.excerpt(c.body());
                    hidden = c.hidden();
                    deleted = c.deleted();
                }
            }
            ids.add(authorId);
            items.add(new Object[] {r, authorId, text, hidden, deleted});
        }
        var names = names(ids);
        // the mute button only for an author this runner may mute and who is still a member; once per author
        var mutable = new java.util.HashMap<Long, Boolean>();
        for (var item : items) {
            var r = (ModerationStore.ReportRow) item[0];
            long authorId = (Long) item[1];
            boolean mayMute = authorId != 0 && mutable.computeIfAbsent(authorId, id -> memberships.roleOf(seat.communityId(), id)
                    .filter(role -> mayMute(seat, id, role)).isPresent());
            out.add(new ReportView(r.id(), r.postId(), r.commentId(), r.reporterId(), name(names, r.reporterId()), r.reason(),
                    r.status(), r.createdAt(), authorId, name(names, authorId), (String) item[2], (Boolean) item[3],
                    (Boolean) item[4], mayMute));
        }
        return out;
    }

    private CommentRow comment(Standing seat, long commentId) {
        return comments.byId(seat.communityId(), commentId).filter(c -> !c.deleted())
                .filter(c -> visible.sees(seat, c.postId()))
                .filter(c -> !c.hidden() || seat.runs())
                .orElseThrow(() -> Rejection.notFound("content.comment.notFound"));
    }

    private Standing runner(Viewer viewer, String slug) {
        var seat = access.read(viewer, slug);
        if (!seat.runs()) {
            throw Rejection.forbidden("content.moderation.runnersOnly");
        }
        return seat;
    }

    private Standing runnerWriting(Viewer viewer, String slug) {
        var seat = runner(viewer, slug);
        if (seat.community().archived()) {
            throw Rejection.conflict("content.communityArchived");
        }
        return seat;
    }

    private long audit(Standing seat, String action, Long postId, Long commentId, Long subjectId, String detail) {
        return store.audit(seat.communityId(), seat.accountId(), action, postId, commentId, subjectId, detail == null ? "" : detail,
                now());
    }

    /** Tells the member concerned (the notification module listens); the audit entry identifies the decision. */
    private void decided(Standing seat, long auditId, long subjectId, ModerationDecided.Action action, Long postId,
                         Long commentId, String reason, OffsetDateTime until) {
        events.publishEvent(new ModerationDecided(auditId, seat.communityId(), subjectId, seat.accountId(), action,
                postId, commentId, reason, until));
    }

    private Map<Long, AccountSummary> names(java.util.Collection<Long> ids) {
        var wanted = new HashSet<>(ids);
        wanted.remove(0L);
        return wanted.isEmpty() ? Map.of() : accounts.findAll(wanted);
    }

    private static String name(Map<Long, AccountSummary> names, long id) {
        var a = names.get(id);
        return a == null ? "?" : a.displayName();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
