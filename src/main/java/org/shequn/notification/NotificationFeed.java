package org.shequn.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.shequn.announcement.AnnouncementPublished;
import org.shequn.announcement.AnnouncementReminded;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.content.AnswerAccepted;
import org.shequn.checkin.CheckInReminded;
import org.shequn.commerce.DisputeChanged;
import org.shequn.entry.EntryExpiring;
import org.shequn.event.EventCancelled;
import org.shequn.event.EventReminderDue;
import org.shequn.event.RegistrationDecided;
import org.shequn.event.RegistrationRequested;
import org.shequn.event.WaitlistPromoted;
import org.shequn.content.CommentAdded;
import org.shequn.content.HeldForReview;
import org.shequn.content.MemberMentioned;
import org.shequn.moderation.ModerationDecided;
import org.shequn.moderation.ReportFiled;
import org.shequn.content.PostPublished;
import org.shequn.content.PostRemoved;
import org.shequn.content.PostKind;
import org.shequn.content.Posts;
import org.shequn.content.QuestionAsked;
import org.shequn.reaction.ReactionAdded;
import org.shequn.identity.Accounts;
import org.shequn.identity.AccountSummary;
import org.shequn.membership.ApplicationDecided;
import org.shequn.membership.ApplicationSubmitted;
import org.shequn.membership.MemberLeft;
import org.shequn.membership.Memberships;
import org.shequn.profile.VerificationDecided;
import org.shequn.social.Followed;
import org.shequn.voting.ElectionTermEnded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into notifications (and mails, for the topics the recipient wants by mail).
 * Each listener runs after the publishing transaction committed, in its own transaction, and is retried from
 * the outbox until it completes; the source key keeps a retried event from notifying twice.
 *
 * <p>Notifications about a community's content (their text may quote a post's title) go only to its
 * members: none is made for someone who is not a member when the event arrives, and those they had are
 * deleted when they leave or are removed.
 */
@Component
class NotificationFeed {

    /** How many members an announcement's listener reads at a time. */

    private final NotificationStore store;
    private final Communities communities;
    private final Memberships memberships;
    private final Accounts accounts;
    private final Posts posts;
    private final Preferences preferences;
    private final NotificationText texts;
    private final Mails mails;
    private final DigestPosts digestPosts;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<org.shequn.membership.EntryCharge> entryCharge;

    NotificationFeed(NotificationStore store, Communities communities, Memberships memberships,
                     Accounts accounts, Posts posts, Preferences preferences, NotificationText texts, Mails mails,
                     DigestPosts digestPosts, Clock clock,
                     org.springframework.beans.factory.ObjectProvider<org.shequn.membership.EntryCharge> entryCharge) {
        this.entryCharge = entryCharge;
        this.store = store;
        this.communities = communities;
        this.memberships = memberships;
        this.accounts = accounts;
        this.posts = posts;
        this.preferences = preferences;
        this.texts = texts;
        this.mails = mails;
        this.digestPosts = digestPosts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ApplicationDecided decided) {
        var community = communities.find(decided.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        var charge = entryCharge.getIfAvailable();
        boolean pay = decided.approved() && charge != null && charge.charges(decided.communityId());
        add(new NotificationStore.NewNotification(decided.accountId(),
                pay ? NotificationKind.APPLICATION_APPROVED_PAY
                        : decided.approved() ? NotificationKind.APPLICATION_APPROVED : NotificationKind.APPLICATION_REJECTED,
                community.slug(), community.name(), null, null, decided.reason(),
                "application-decided:" + decided.applicationId()));
    }

    @ApplicationModuleListener
    void on(ApplicationSubmitted submitted) {
        var community = communities.find(submitted.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        var applicant = name(submitted.accountId());
        for (long reviewer : memberships.runnersOf(submitted.communityId())) {
            add(new NotificationStore.NewNotification(reviewer, NotificationKind.APPLICATION_SUBMITTED, community.slug(),
                    community.name(), submitted.accountId(), applicant, null,
                    "application-submitted:" + submitted.applicationId() + ":" + reviewer));
        }
    }

    /** Those who run the community hear of a report at once (the reporter, if one of them, knows already). */
    @ApplicationModuleListener
    void on(ReportFiled filed) {
        var community = communities.find(filed.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        var reporter = name(filed.reporterId());
        for (long runner : memberships.runnersOf(filed.communityId())) {
            if (runner != filed.reporterId()) {
                add(new NotificationStore.NewNotification(runner, NotificationKind.REPORT_FILED, community.slug(),
                        community.name(), filed.reporterId(), reporter, null, "report:" + filed.reportId() + ":" + runner));
            }
        }
    }

    /** A held post or comment waits for those who run the community; its author was told on the spot. */
    @ApplicationModuleListener
    void on(HeldForReview held) {
        var community = communities.find(held.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        var author = name(held.authorId());
        var kind = held.commentId() == null ? NotificationKind.POST_HELD : NotificationKind.COMMENT_HELD;
        var item = held.commentId() == null ? "post:" + held.postId() : "comment:" + held.commentId();
        for (long runner : memberships.runnersOf(held.communityId())) {
            if (runner != held.authorId()) {
                add(new NotificationStore.NewNotification(runner, kind, community.slug(), community.name(),
                        held.authorId(), author, null, "held:" + item + ":" + runner));
            }
        }
    }

    /**
     * Every member but its author hears of a new announcement (those who switched the topic off do not: {@link #add}).
     * The members are walked a page at a time; the source key keeps a redelivered event from telling anyone twice.
     */
    @ApplicationModuleListener
    void on(AnnouncementPublished published) {
        var community = communities.find(published.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        var author = name(published.authorId());
        memberships.eachMember(published.communityId(), member -> {
            if (member != published.authorId()) {
                announcement(member, NotificationKind.ANNOUNCEMENT_PUBLISHED, community, published.authorId(), author,
                        published.title(), "announcement:" + published.announcementId() + ":" + member);
            }
        });
    }

    /** The one reminder reaches those who had not read it when it was sent, if they are still members. */
    @ApplicationModuleListener
    void on(AnnouncementReminded reminded) {
        var community = communities.find(reminded.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        var by = name(reminded.byAccountId());
        for (long member : reminded.unreadIds()) {
            if (member != reminded.byAccountId() && memberships.roleOf(reminded.communityId(), member).isPresent()) {
                announcement(member, NotificationKind.ANNOUNCEMENT_REMINDER, community, reminded.byAccountId(), by,
                        reminded.title(), "announcement-reminder:" + reminded.announcementId() + ":" + member);
            }
        }
    }

    /** The elected core members are members again: the owner is asked to hold the next election. */
    @ApplicationModuleListener
    void on(ElectionTermEnded ended) {
        var community = communities.find(ended.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        add(new NotificationStore.NewNotification(ended.ownerId(), NotificationKind.ELECTION_TERM_ENDED, community.slug(),
                community.name(), null, null, ended.title(), "election-term:" + ended.electionId()));
    }

    /** A check-in challenge's reminder of the day, to exactly those it names, if they are still members. */
    @ApplicationModuleListener
    void on(CheckInReminded reminded) {
        var community = communities.find(reminded.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        var kind = "NUDGE".equals(reminded.stage()) ? NotificationKind.CHECKIN_STREAK_AT_RISK : NotificationKind.CHECKIN_REMINDER;
        for (long member : reminded.accountIds()) {
            if (memberships.roleOf(reminded.communityId(), member).isPresent()) {
                add(new NotificationStore.NewNotification(member, kind, community.slug(), community.name(), null, null,
                        reminded.title(), "checkin-" + reminded.stage().toLowerCase(java.util.Locale.ROOT) + ":"
                                + reminded.challengeId() + ":" + reminded.localDate() + ":" + member));
            }
        }
    }

    /** A reviewer scored or commented on a member's submission: the member hears who, on which assignment. */
    @ApplicationModuleListener
    void on(org.shequn.assignment.SubmissionReviewed reviewed) {
        var community = communities.find(reviewed.communityId()).orElse(null);
        if (community == null || memberships.roleOf(reviewed.communityId(), reviewed.memberId()).isEmpty()
                || reviewed.reviewerId() == reviewed.memberId()) {
            return;
        }
        add(new NotificationStore.NewNotification(reviewed.memberId(), NotificationKind.ASSIGNMENT_REVIEWED,
                community.slug(), community.name(), reviewed.reviewerId(), name(reviewed.reviewerId()), reviewed.title(),
                "assignment-reviewed:" + reviewed.submissionId() + ":" + reviewed.occurredAt().toEpochMilli()));
    }

    @ApplicationModuleListener
    void on(org.shequn.assignment.SubmissionFeatured featured) {
        var community = communities.find(featured.communityId()).orElse(null);
        if (community == null || memberships.roleOf(featured.communityId(), featured.memberId()).isEmpty()) {
            return;
        }
        add(new NotificationStore.NewNotification(featured.memberId(), NotificationKind.ASSIGNMENT_FEATURED,
                community.slug(), community.name(), featured.reviewerId(), name(featured.reviewerId()), featured.title(),
                "assignment-featured:" + featured.submissionId()));
    }

    /** The reminder before an assignment's due time, to exactly those it names, if they are still members. */
    @ApplicationModuleListener
    void on(org.shequn.assignment.AssignmentReminded reminded) {
        var community = communities.find(reminded.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        for (long member : reminded.accountIds()) {
            if (memberships.roleOf(reminded.communityId(), member).isPresent()) {
                add(new NotificationStore.NewNotification(member, NotificationKind.ASSIGNMENT_REMINDER, community.slug(),
                        community.name(), null, null, reminded.title(),
                        "assignment-reminder:" + reminded.assignmentId() + ":" + member));
            }
        }
    }

    /** A paid membership ends soon: the member hears it 7 days and 1 day before, with the date and where to renew. */
    @ApplicationModuleListener
    void on(org.shequn.subgroup.SubgroupLeaderLeft left) {
        var community = communities.find(left.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        add(new NotificationStore.NewNotification(community.ownerId(), NotificationKind.SUBGROUP_LEADER_LEFT,
                community.slug(), community.name(), left.leaderId(), name(left.leaderId()), left.subgroupName(),
                "subgroup-leader-left:" + left.subgroupId() + ":" + left.leaderId()));
    }

    @ApplicationModuleListener
    void on(org.shequn.subgroup.SubgroupWinnerGone gone) {
        var community = communities.find(gone.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        add(new NotificationStore.NewNotification(community.ownerId(), NotificationKind.SUBGROUP_WINNER_GONE,
                community.slug(), community.name(), gone.winnerId(), name(gone.winnerId()), gone.subgroupName(),
                "subgroup-winner-gone:" + gone.subgroupId() + ":" + gone.winnerId()));
    }

    @ApplicationModuleListener
    void on(EntryExpiring expiring) {
        var community = communities.find(expiring.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        var kind = expiring.daysBefore() <= 1 ? NotificationKind.ENTRY_EXPIRING_TOMORROW : NotificationKind.ENTRY_EXPIRING_SOON;
        var until = expiring.expiresAt().atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        add(new NotificationStore.NewNotification(expiring.accountId(), kind, community.slug(), community.name(), null, null,
                until, "entry-expiring:" + expiring.communityId() + ":" + expiring.accountId() + ":"
                        + expiring.expiresAt().toInstant().getEpochSecond() + ":" + expiring.daysBefore()));
    }

    /**
     * A dispute about an order: its merchant hears of a new one, its buyer of the merchant's answer, both of the
     * operator's decision. The detail is the order's number (the link goes to the order).
     */
    @ApplicationModuleListener
    void on(DisputeChanged changed) {
        var detail = String.valueOf(changed.orderId());
        switch (changed.status()) {
            case OPEN -> dispute(changed.merchantAccountId(), NotificationKind.DISPUTE_OPENED, detail, changed);
            case ANSWERED -> dispute(changed.buyerAccountId(), NotificationKind.DISPUTE_ANSWERED, detail, changed);
            case REFUNDED, REJECTED -> {
                var kind = changed.status() == org.shequn.commerce.DisputeState.REFUNDED
                        ? NotificationKind.DISPUTE_REFUNDED : NotificationKind.DISPUTE_REJECTED;
                dispute(changed.buyerAccountId(), kind, detail, changed);
                dispute(changed.merchantAccountId(), kind, detail, changed);
            }
        }
    }

    private void dispute(long accountId, NotificationKind kind, String detail, DisputeChanged changed) {
        if (accountId > 0) {
            add(new NotificationStore.NewNotification(accountId, kind, null, null, null, null, detail,
                    "dispute:" + changed.disputeId() + ":" + changed.status() + ":" + accountId));
        }
    }

    /** The first on an event's waitlist got the seat someone gave up: they are told at once. */
    @ApplicationModuleListener
    void on(WaitlistPromoted promoted) {
        var community = communities.find(promoted.communityId()).orElse(null);
        if (community != null) {
            add(new NotificationStore.NewNotification(promoted.accountId(), NotificationKind.EVENT_PROMOTED, community.slug(),
                    community.name(), null, null, promoted.title(),
                    "event-promoted:" + promoted.eventId() + ":" + promoted.accountId() + ":"
                            + promoted.promotedAt().toInstant().toEpochMilli(), community.id(), null, null, null));
        }
    }

    /** An event that needs approval has a new request: its host hears of it, while they still run the community. */
    @ApplicationModuleListener
    void on(RegistrationRequested requested) {
        var community = communities.find(requested.communityId()).orElse(null);
        if (community == null || requested.hostId() == requested.accountId()
                || memberships.roleOf(requested.communityId(), requested.hostId()).isEmpty()) {
            return;
        }
        add(new NotificationStore.NewNotification(requested.hostId(), NotificationKind.EVENT_REGISTRATION_REQUESTED,
                community.slug(), community.name(), requested.accountId(), name(requested.accountId()), requested.title(),
                "event-requested:" + requested.eventId() + ":" + requested.accountId(), community.id(), null, null, null));
    }

    /** The member who asked to join an event hears the answer: a seat, the waitlist, or no. */
    @ApplicationModuleListener
    void on(RegistrationDecided decided) {
        var community = communities.find(decided.communityId()).orElse(null);
        if (community == null || memberships.roleOf(decided.communityId(), decided.accountId()).isEmpty()) {
            return;
        }
        var kind = switch (decided.state()) {
            case REGISTERED -> NotificationKind.EVENT_REGISTRATION_APPROVED;
            case WAITLISTED -> NotificationKind.EVENT_REGISTRATION_WAITLISTED;
            default -> NotificationKind.EVENT_REGISTRATION_REFUSED;
        };
        add(new NotificationStore.NewNotification(decided.accountId(), kind, community.slug(), community.name(),
                decided.byAccountId(), name(decided.byAccountId()), decided.title(),
                "event-decided:" + decided.eventId() + ":" + decided.accountId() + ":" + kind, community.id(), null, null,
                null));
    }

    /** 24 hours and 1 hour before an event, its registered guests who are still members hear of it. */
    @ApplicationModuleListener
    void on(EventReminderDue due) {
        var community = communities.find(due.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        var kind = due.hoursBefore() <= 1 ? NotificationKind.EVENT_REMINDER_HOUR : NotificationKind.EVENT_REMINDER_DAY;
        for (long guest : due.guestIds()) {
            if (memberships.roleOf(due.communityId(), guest).isPresent()) {
                add(new NotificationStore.NewNotification(guest, kind, community.slug(), community.name(), null, null,
                        due.title(), "event-reminder:" + due.eventId() + ":" + due.hoursBefore() + ":" + guest,
                        community.id(), null, null, due.startsAt()));
            }
        }
    }

    /** An event called off: those registered or waiting hear of it. */
    @ApplicationModuleListener
    void on(EventCancelled cancelled) {
        var community = communities.find(cancelled.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        var by = name(cancelled.byAccountId());
        for (long guest : cancelled.guestIds()) {
            if (guest != cancelled.byAccountId() && memberships.roleOf(cancelled.communityId(), guest).isPresent()) {
                add(new NotificationStore.NewNotification(guest, NotificationKind.EVENT_CANCELLED, community.slug(),
                        community.name(), cancelled.byAccountId(), by, cancelled.title(),
                        "event-cancelled:" + cancelled.eventId() + ":" + guest, community.id(), null, null, null));
            }
        }
    }

    @ApplicationModuleListener
    void on(VerificationDecided decided) {
        add(new NotificationStore.NewNotification(decided.accountId(),
                NotificationKind.of(decided.kind(), decided.approved()),
                null, null, null, null, decided.reason(), "verification-decided:" + decided.requestId()));
    }

    @ApplicationModuleListener
    void on(Followed followed) {
        // following again after unfollowing may notify again: no source key
        add(new NotificationStore.NewNotification(followed.followeeId(),
                followed.nowFriends() ? NotificationKind.FRIENDED : NotificationKind.FOLLOWED, null, null,
                followed.followerId(), name(followed.followerId()), null, null));
    }

    /** A comment tells the post's author, a reply the comment's author; on a question, a comment is an answer. */
    @ApplicationModuleListener
    void on(CommentAdded added) {
        var post = posts.find(added.postId()).orElse(null);
        if (post == null) {
            return;
        }
        long recipient;
        NotificationKind kind;
        if (added.parentId() == null) {
            recipient = added.postAuthorId();
            kind = post.kind() == PostKind.QUESTION ? NotificationKind.ANSWER : NotificationKind.REPLY;
        } else {
            var parent = posts.commentText(added.communityId(), added.parentId()).orElse(null);
            if (parent == null) {
                return;
            }
            recipient = parent.authorId();
            kind = NotificationKind.COMMENT_REPLY;
        }
        content(recipient, added.authorId(), kind, post, added.commentId(), post.title(), null,
                "comment:" + added.commentId());
    }

    @ApplicationModuleListener
    void on(QuestionAsked asked) {
        posts.find(asked.postId()).ifPresent(post -> content(asked.addresseeId(), asked.askerId(),
                NotificationKind.QUESTION_ASKED, post, null, post.title(), null, "question:" + asked.postId()));
    }

    @ApplicationModuleListener
    void on(AnswerAccepted accepted) {
        posts.find(accepted.postId()).ifPresent(post -> content(accepted.answererId(), accepted.askerId(),
                NotificationKind.ANSWER_ACCEPTED, post, accepted.commentId(), post.title(), null,
                "accepted:" + accepted.commentId()));
    }

    @ApplicationModuleListener
    void on(MemberMentioned mentioned) {
        posts.find(mentioned.postId()).ifPresent(post -> content(mentioned.mentionedId(), mentioned.byAccountId(),
                NotificationKind.MENTIONED, post, mentioned.commentId(), post.title(), null,
                "mention:" + mentioned.postId() + ":" + mentioned.commentId() + ":" + mentioned.mentionedId()));
    }

    /**
     * Reactions are grouped: one unread notification per post or comment counts who reacted; once it is read,
     * the next reaction starts a new one. Mail (if wanted) goes only when a group opens.
     */
    @ApplicationModuleListener
    void on(ReactionAdded reacted) {
        long recipient = reacted.targetAuthorId();
        if (recipient == reacted.reactorId()) {
            return;
        }
        var post = posts.find(reacted.postId()).orElse(null);
        var community = post == null ? null : community(recipient, post.communityId());
        if (community == null || !preferences.inApp(recipient, Topic.REACTION)) {
            return;
        }
        var n = new NotificationStore.NewNotification(recipient,
                reacted.commentId() == null ? NotificationKind.REACTION : NotificationKind.COMMENT_REACTION, community.slug(),
                community.name(), reacted.reactorId(), name(reacted.reactorId()), post.title(), null,
                community.id(), post.postId(), reacted.commentId(), null);
        var group = reacted.commentId() == null ? "post:" + reacted.postId() : "comment:" + reacted.commentId();
        var now = now();
        store.group(n, group, now).filter(NotificationStore.Grouped::opened)
                .ifPresent(g -> mail(g.row(), "reaction:" + g.row().id()));
    }

    @ApplicationModuleListener
    void on(ModerationDecided decided) {
        if (decided.subjectId() == decided.byAccountId()) {
            return;
        }
        var community = community(decided.subjectId(), decided.communityId());
        if (community == null) {
            return;
        }
        var action = decided.action();
        boolean deleted = action == ModerationDecided.Action.POST_DELETED || action == ModerationDecided.Action.COMMENT_DELETED;
        String detail = decided.reason();
        if (decided.postId() != null) {
            // the post's title tells which one; its author is told even while it is hidden
            detail = posts.findForAuthor(decided.postId())
                    .filter(p -> p.authorId() == decided.subjectId() || posts.find(p.postId()).isPresent())
                    .map(Posts.PostRef::title).orElse("");
        }
        if (action == ModerationDecided.Action.POST_HIDDEN || action == ModerationDecided.Action.POST_DELETED) {
            digestPosts.remove(decided.postId());
        }
        // keyed by the audit entry, not the content: the same decision taken again later (hide, restore, hide) is
        // news again, a redelivered event is not; an event stored before it carried its audit id has no key
        var sourceKey = decided.auditId() == null ? null : "moderation:" + decided.auditId();
        add(new NotificationStore.NewNotification(decided.subjectId(), NotificationKind.of(action), community.slug(),
                community.name(), null, null, detail, sourceKey,
                community.id(), deleted ? null : decided.postId(), deleted ? null : decided.commentId(), decided.until()));
    }

    /** Remembers a new post for the daily digest. */
    @ApplicationModuleListener
    void on(PostPublished published) {
        posts.postText(published.postId()).ifPresent(p -> digestPosts.add(new DigestPosts.DigestPost(p.postId(),
                p.communityId(), p.authorId(), headline(p), p.createdAt())));
    }

    @ApplicationModuleListener
    void on(PostRemoved removed) {
        digestPosts.remove(removed.postId());
    }

    @ApplicationModuleListener
    void on(MemberLeft left) {
        store.forgetCommunity(left.accountId(), left.communityId());
    }

    /** Carries the community's id, so it goes when the member leaves (it quotes the announcement's title). */
    private void announcement(long recipient, NotificationKind kind, CommunityInfo community, long actorId, String actorName,
                              String title, String sourceKey) {
        add(new NotificationStore.NewNotification(recipient, kind, community.slug(), community.name(), actorId, actorName,
                title, sourceKey, community.id(), null, null, null));
    }

    private void content(long recipient, long actorId, NotificationKind kind, Posts.PostRef post, Long commentId, String detail,
                         java.time.OffsetDateTime until, String sourceKey) {
        if (recipient == actorId) {
            return;
        }
        var community = community(recipient, post.communityId());
        if (community == null) {
            return;
        }
        add(new NotificationStore.NewNotification(recipient, kind, community.slug(), community.name(), actorId,
                name(actorId), detail, sourceKey, community.id(), post.postId(), commentId, until));
    }

    /** The community, when the recipient is (still) one of its members. */
    private CommunityInfo community(long recipient, long communityId) {
        if (memberships.roleOf(communityId, recipient).isEmpty()) {
            return null;
        }
        return communities.find(communityId).orElse(null);
    }

    private String name(long accountId) {
        return accounts.find(accountId).map(AccountSummary::displayName).orElse("?");
    }

    /**
     * Stores the notification unless the recipient switched its topic off in the inbox, and queues a mail if
     * they want it by mail (whether or not they want it in the inbox).
     */
    private void add(NotificationStore.NewNotification n) {
        var topic = n.kind().topic();
        var now = now();
        boolean fresh = true;
        if (preferences.inApp(n.accountId(), topic)) {
            fresh = store.insert(n, now) == 1;
        }
        if (fresh) {
            mail(n.asRow(0, 1, now), n.sourceKey());
        }
    }

    private void mail(NotificationStore.NotificationRow row, String sourceKey) {
        if (!mails.enabled() || !preferences.email(row.accountId(), row.kind().topic())) {
            return;
        }
        var locale = preferences.locale(row.accountId());
        var text = texts.text(row, locale);
        mails.queue(row.accountId(), locale, text, List.of(text), NotificationText.link(row),
                sourceKey == null ? null : "notification:" + sourceKey, row.createdAt());
    }

    private static String headline(Posts.Text p) {
        if (!p.title().isBlank()) {
            return p.title();
        }
        var body = p.body().replaceAll("\\s+", " ").strip();
        return body.length() > 60 ? body.substring(0, 60) + "…" : body;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
