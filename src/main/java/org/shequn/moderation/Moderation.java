package org.shequn.moderation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.shequn.community.CommunityRole;
import org.shequn.content.CommentRemoved;
import org.shequn.content.ModeratedContent;
import org.shequn.content.PostRemoved;
import org.shequn.identity.AccountSummary;
import org.shequn.identity.Accounts;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.MemberMute;
import org.shequn.membership.Memberships;
import org.shequn.membership.Standing;
import org.shequn.moderation.view.AuditEntry;
import org.shequn.moderation.view.BannedWord;
import org.shequn.moderation.view.HeldComment;
import org.shequn.moderation.view.HeldPost;
import org.shequn.moderation.view.ModerationPage;
import org.shequn.moderation.view.MuteView;
import org.shequn.moderation.view.ReportView;
import org.shequn.shared.Cursor;
import org.shequn.shared.Page;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.ControlCharacters;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderation inside a community: members report posts and comments; owners and admins work the queue (hide,
 * restore, dismiss), mute members, keep the banned-words list, approve held posts. Every action is audited.
 */
@Service
public class Moderation {

    static final int MAX_WORDS = 200;
    static final int MIN_MUTE_HOURS = 1;
    static final int MAX_MUTE_HOURS = 30 * 24;
    /** Reports, held posts and comments, and the audit trail are shown this many at a time, newest first. */
    static final int PAGE_SIZE = 20;

    private static final String MEMBERS_ONLY = "content.membersOnly";
    private static final String RUNNERS_ONLY = "content.moderation.runnersOnly";
    private static final String ARCHIVED = "content.communityArchived";

    public record ReportDraft(Long postId, Long commentId,
                              @NotBlank @Size(max = 500) @Pattern(regexp = ControlCharacters.MULTI_LINE, message = "{validation.noControlCharacters}") String reason) {
    }

    public record MuteDraft(Integer hours, @Size(max = 200) @Pattern(regexp = ControlCharacters.MULTI_LINE, message = "{validation.noControlCharacters}") String reason) {
    }

    /** A word as sent: its mode in any case ("block" or "BLOCK"), BLOCK when left out. */
    public record WordDraft(String word, String mode) {
    }

    public record WordList(List<WordDraft> words) {
    }

    private final CommunityGate gate;
    private final ModeratedContent content;
    private final ModerationStore store;
    private final Memberships memberships;
    private final Accounts accounts;
    private final Validation validation;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Moderation(CommunityGate gate, ModeratedContent content, ModerationStore store, Memberships memberships,
               Accounts accounts, Validation validation, Clock clock, ApplicationEventPublisher events) {
        this.gate = gate;
        this.content = content;
        this.store = store;
        this.memberships = memberships;
        this.accounts = accounts;
        this.validation = validation;
        this.clock = clock;
        this.events = events;
    }

    /** What waits in the queue, each counted up to 100 (a page says 99+ beyond): for the to-do centre. */
    public record Waiting(int openReports, int heldPosts, int heldComments) {

        public int total() {
            return openReports + heldPosts + heldComments;
        }
    }

    public Waiting waiting(Standing runner) {
        runner.requireRunner(RUNNERS_ONLY);
        long id = runner.communityId();
        return new Waiting(store.openCount(id, WAITING_CAP), content.heldPosts(id, null, WAITING_CAP).size(),
                content.heldComments(id, null, WAITING_CAP).size());
    }

    private static final int WAITING_CAP = 100;

    @Transactional
    public long report(Viewer viewer, String slug, ReportDraft draft) {
        return report(writer(viewer, slug), draft).id();
    }

    private long reportable(Standing seat, long postId) {
        content.requireReportable(seat, postId);
        return postId;
    }

    /** Reports a comment from its post's page; returns the post, to go back to. */
    @Transactional
    public long reportComment(Viewer viewer, String slug, long commentId, String reason) {
        var seat = writer(viewer, slug);
        return report(seat, new ReportDraft(null, commentId, reason)).postId();
    }

    /** An archived community is read-only: nothing is reported, as nothing is written, there. */
    private Standing writer(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireMember(MEMBERS_ONLY).requireWritable(ARCHIVED);
    }

    /** A filed report, and the post it is about (for a comment, the post it is under). */
    private record Filed(long id, long postId) {
    }

    private Filed report(Standing seat, ReportDraft draft) {
        if (draft == null || (draft.postId() == null) == (draft.commentId() == null)) {
            throw Rejection.invalid("postId", "content.moderation.report.target");
        }
        validation.check(draft);
        long postId = draft.postId() != null ? reportable(seat, draft.postId())
                : content.requireReportableComment(seat, draft.commentId());
        if (store.hasOpenReport(seat.accountId(), draft.postId(), draft.commentId())) {
            throw Rejection.conflict("content.moderation.report.duplicate");
        }
        try {
            long id = store.report(seat.communityId(), draft.postId(), draft.commentId(), seat.accountId(),
                    draft.reason().strip(), now());
            events.publishEvent(new ReportFiled(id, seat.communityId(), draft.postId(), draft.commentId(), seat.accountId()));
            return new Filed(id, postId);
        } catch (DuplicateKeyException e) {
            // the same member's simultaneous report won the race: the same answer as a later duplicate
            throw Rejection.conflict("content.moderation.report.duplicate");
        }
    }

    public Page<ReportView> queue(Viewer viewer, String slug, String status, String cursor) {
        var seat = runner(viewer, slug);
        ReportStatus wanted;
        try {
            wanted = status == null || status.isEmpty() ? ReportStatus.OPEN : ReportStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("status", "content.moderation.report.status");
        }
        return reports(seat, wanted, Cursor.decode(cursor));
    }

    @Transactional
    public void dismiss(Viewer viewer, String slug, long reportId) {
        var seat = runnerWriting(viewer, slug);
        var report = store.report(seat.communityId(), reportId)
                .orElseThrow(() -> Rejection.notFound("content.moderation.report.notFound"));
        if (report.status() != ReportStatus.OPEN) {
            throw Rejection.conflict("content.moderation.report.closed");
        }
        store.closeReport(report.id(), ReportStatus.DISMISSED, seat.accountId(), now());
        audit(seat, AuditAction.DISMISS, report.postId(), report.commentId(), report.reporterId(), report.reason());
    }

    /** Hides a post (or shows it again). Showing a held post approves it. */
    @Transactional
    public void hidePost(Viewer viewer, String slug, long postId, boolean hide) {
        var seat = runnerWriting(viewer, slug);
        content.hidePost(seat, postId, hide).ifPresent(d -> {
            store.resolveReports(seat.communityId(), d.postId(), null, seat.accountId(), now());
            long audited = audit(seat, hide ? AuditAction.HIDE : d.approved() ? AuditAction.APPROVE : AuditAction.RESTORE,
                    d.postId(), null, d.authorId(), d.title());
            decided(seat, audited, d.authorId(), hide ? ModerationDecided.Action.POST_HIDDEN
                    : d.approved() ? ModerationDecided.Action.POST_APPROVED : ModerationDecided.Action.POST_RESTORED,
                    d.postId(), null, null, null);
        });
    }

    @Transactional
    public void hideComment(Viewer viewer, String slug, long commentId, boolean hide) {
        var seat = runnerWriting(viewer, slug);
        content.hideComment(seat, commentId, hide).ifPresent(d -> {
            store.resolveReports(seat.communityId(), null, d.commentId(), seat.accountId(), now());
            long audited = audit(seat, hide ? AuditAction.HIDE : d.approved() ? AuditAction.APPROVE : AuditAction.RESTORE,
                    d.postId(), d.commentId(), d.authorId(), "");
            decided(seat, audited, d.authorId(), hide ? ModerationDecided.Action.COMMENT_HIDDEN
                    : d.approved() ? ModerationDecided.Action.COMMENT_APPROVED : ModerationDecided.Action.COMMENT_RESTORED,
                    d.postId(), d.commentId(), null, null);
        });
    }

    /**
     * A moderator's deletion of someone else's post is a moderation decision: its reports are resolved, it is
     * audited and its author told. Heard in the deleting transaction, so all of it commits or none.
     */
    @EventListener
    void on(PostRemoved removed) {
        deleted(removed.communityId(), removed.byAccountId(), removed.postId(), null, removed.authorId());
    }

    @EventListener
    void on(CommentRemoved removed) {
        deleted(removed.communityId(), removed.byAccountId(), removed.postId(), removed.commentId(), removed.authorId());
    }

    private void deleted(long communityId, long by, long postId, Long commentId, long authorId) {
        if (authorId != by) {
            store.resolveReports(communityId, commentId == null ? postId : null, commentId, by, now());
            long audited = store.audit(communityId, by, AuditAction.DELETE, postId, commentId, authorId, "", now());
            events.publishEvent(new ModerationDecided(audited, communityId, authorId, by, commentId == null
                    ? ModerationDecided.Action.POST_DELETED : ModerationDecided.Action.COMMENT_DELETED, postId, commentId,
                    null, null));
        }
    }

    @Transactional
    public MuteView mute(Viewer viewer, String slug, long accountId, MuteDraft draft) {
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
        long audited = audit(seat, AuditAction.MUTE, null, null, accountId, draft.hours() + "h " + reason);
        decided(seat, audited, accountId, ModerationDecided.Action.MUTED, null, null, reason, until);
        return new MuteView(accountId, name(names(List.of(accountId)), accountId), until, reason);
    }

    /** Nobody mutes the owner or themselves, and only the owner mutes an admin. */
    private static boolean mayMute(Standing seat, long accountId, CommunityRole role) {
        return role != CommunityRole.OWNER && (role != CommunityRole.ADMIN || seat.owner()) && accountId != seat.accountId();
    }

    @Transactional
    public void unmute(Viewer viewer, String slug, long accountId) {
        var seat = runnerWriting(viewer, slug);
        if (!memberships.unmute(seat.communityId(), accountId)) {
            // nothing to lift: fine for a member, but nobody else can have been muted here
            if (memberships.roleOf(seat.communityId(), accountId).isEmpty()) {
                throw Rejection.notFound("content.moderation.mute.notMember");
            }
        } else {
            long audited = audit(seat, AuditAction.UNMUTE, null, null, accountId, "");
            decided(seat, audited, accountId, ModerationDecided.Action.UNMUTED, null, null, null, null);
        }
    }

    public List<MuteView> mutes(Viewer viewer, String slug) {
        return mutes(runner(viewer, slug));
    }

    public List<BannedWord> words(Viewer viewer, String slug) {
        return words(runner(viewer, slug));
    }

    private List<BannedWord> words(Standing seat) {
        return store.words(seat.communityId()).stream().map(w -> new BannedWord(w.word(), w.mode())).toList();
    }

    /** Replaces the list; words are compared case-insensitively, so they are kept in lower case. */
    @Transactional
    public List<BannedWord> replaceWords(Viewer viewer, String slug, WordList list) {
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
            if (word.isEmpty() || word.length() > 30 || !word.matches(ControlCharacters.MULTI_LINE) || word.contains("\n")) {
                throw Rejection.invalid("words", "content.moderation.words.word", 30);
            }
            clean.put(word, new ModerationStore.WordRow(word, mode(w.mode())));
        }
        store.replaceWords(seat.communityId(), List.copyOf(clean.values()));
        audit(seat, AuditAction.WORDS, null, null, null, clean.size() + ": " + String.join(", ", clean.keySet()));
        return clean.values().stream().map(w -> new BannedWord(w.word(), w.mode())).toList();
    }

    private static WordMode mode(String mode) {
        if (mode == null) {
            return WordMode.BLOCK;
        }
        try {
            return WordMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("words", "content.moderation.words.mode");
        }
    }

    public Page<AuditEntry> audit(Viewer viewer, String slug, String cursor) {
        return audit(runner(viewer, slug), Cursor.decode(cursor));
    }

    /** The page, each of its paged lists from its own cursor (null: the newest). */
    public ModerationPage page(Viewer viewer, String slug, ModerationPage.Cursors cursors) {
        var seat = runner(viewer, slug);
        return new ModerationPage(seat.community().slug(), seat.community().name(),
                reports(seat, ReportStatus.OPEN, Cursor.decode(cursors.reports())),
                heldPosts(seat, Cursor.decode(cursors.held())),
                heldComments(seat, Cursor.decode(cursors.comments())),
                mutes(seat), words(seat), audit(seat, Cursor.decode(cursors.audit())), cursors);
    }

    /** Comments waiting for review (approve: show them; reject: delete them). */
    public Page<HeldComment> heldComments(Viewer viewer, String slug, String cursor) {
        return heldComments(runner(viewer, slug), Cursor.decode(cursor));
    }

    private Page<HeldComment> heldComments(Standing seat, Cursor before) {
        return page(content.heldComments(seat.communityId(), before, PAGE_SIZE + 1),
                c -> Cursor.at(c.createdAt(), c.commentId()), rows -> {
                    var names = names(rows.stream().map(ModeratedContent.Item::authorId).toList());
                    return rows.stream().map(c -> new HeldComment(c.commentId(), c.postId(), c.excerpt(),
                            c.authorId(), name(names, c.authorId()), c.createdAt())).toList();
                });
    }

    private Page<HeldPost> heldPosts(Standing seat, Cursor before) {
        return page(content.heldPosts(seat.communityId(), before, PAGE_SIZE + 1),
                p -> Cursor.at(p.createdAt(), p.postId()), rows -> {
                    var names = names(rows.stream().map(ModeratedContent.Item::authorId).toList());
                    return rows.stream().map(p -> new HeldPost(p.postId(), p.title(), p.excerpt(),
                            p.authorId(), name(names, p.authorId()), p.createdAt())).toList();
                });
    }

    /** Cuts rows fetched with one extra (telling whether a next page exists) to a page of views. */
    private static <R, V> Page<V> page(List<R> rows, Function<R, Cursor> position, Function<List<R>, List<V>> views) {
        var shown = Page.cut(rows, PAGE_SIZE, position);
        return new Page<>(views.apply(shown.items()), shown.next());
    }

    private List<MuteView> mutes(Standing seat) {
        var rows = memberships.mutes(seat.communityId(), now());
        var names = names(rows.stream().map(MemberMute::accountId).toList());
        return rows.stream().map(m -> new MuteView(m.accountId(), name(names, m.accountId()), m.untilAt(), m.reason())).toList();
    }

    private Page<AuditEntry> audit(Standing seat, Cursor before) {
        return page(store.audit(seat.communityId(), before, PAGE_SIZE + 1),
                r -> Cursor.at(r.createdAt(), r.id()), this::auditEntries);
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

    private Page<ReportView> reports(Standing seat, ReportStatus status, Cursor before) {
        return page(store.reports(seat.communityId(), status, before, PAGE_SIZE + 1),
                r -> Cursor.at(r.createdAt(), r.id()), rows -> reportViews(seat, rows));
    }

    private List<ReportView> reportViews(Standing seat, List<ModerationStore.ReportRow> rows) {
        var items = rows.stream().map(r -> r.postId() != null ? content.post(seat.communityId(), r.postId())
                : content.comment(seat.communityId(), r.commentId())).toList();
        var ids = new HashSet<Long>();
        rows.forEach(r -> ids.add(r.reporterId()));
        items.forEach(i -> i.ifPresent(item -> ids.add(item.authorId())));
        var names = names(ids);
        // the mute button only for an author this runner may mute and who is still a member; once per author
        var mutable = new java.util.HashMap<Long, Boolean>();
        var out = new java.util.ArrayList<ReportView>();
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            Optional<ModeratedContent.Item> item = items.get(i);
            long authorId = item.map(ModeratedContent.Item::authorId).orElse(0L);
            var text = item.map(it -> (it.title().isEmpty() ? "" : it.title() + " — ") + it.excerpt()).orElse("");
            boolean mayMute = authorId != 0 && mutable.computeIfAbsent(authorId, id -> memberships.roleOf(seat.communityId(), id)
                    .filter(role -> mayMute(seat, id, role)).isPresent());
            out.add(new ReportView(r.id(), r.postId(), r.commentId(), item.map(ModeratedContent.Item::postId).orElse(null),
                    r.reporterId(), name(names, r.reporterId()), r.reason(), r.status(), r.createdAt(), authorId,
                    name(names, authorId), text, item.map(ModeratedContent.Item::hidden).orElse(false),
                    item.map(ModeratedContent.Item::deleted).orElse(true), mayMute));
        }
        return out;
    }

    private Standing runner(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireMember(MEMBERS_ONLY).requireRunner(RUNNERS_ONLY);
    }

    private Standing runnerWriting(Viewer viewer, String slug) {
        return runner(viewer, slug).requireWritable(ARCHIVED);
    }

    private long audit(Standing seat, AuditAction action, Long postId, Long commentId, Long subjectId, String detail) {
        return store.audit(seat.communityId(), seat.accountId(), action, postId, commentId, subjectId,
                detail == null ? "" : detail, now());
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
