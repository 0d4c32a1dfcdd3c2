package org.shequn.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.content.Posts;
import org.shequn.membership.Memberships;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest (每日摘要): once a day, from the configured hour on, each member who has it on gets one mail
 * with the new posts in their communities since their last digest (counts and the newest titles) and their
 * unread notifications. Nothing new, no mail. Runs hourly on one node (ShedLock); a member digested in the
 * last 23 hours is skipped, and the mail's key (member and day) keeps a rerun from queueing it twice.
 */
@Component
class Digest {

    private static final Logger log = LoggerFactory.getLogger(Digest.class);
    static final int TITLES_PER_COMMUNITY = 3;

    private final Mails mails;
    private final DigestPosts digestPosts;
    private final NotificationStore notifications;
    private final PreferenceStore preferences;
    private final Memberships memberships;
    private final Communities communities;
    private final Posts posts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int hour;
    private final ZoneId zone;

    Digest(Mails mails, DigestPosts digestPosts, NotificationStore notifications, PreferenceStore preferences,
           Memberships memberships, Communities communities, Posts posts, TransactionTemplate transactions, Clock clock,
           @Value("${shequn.mail.digest-hour:8}") int hour, @Value("${shequn.mail.digest-zone:Asia/Shanghai}") String zone) {
        this.mails = mails;
        this.digestPosts = digestPosts;
        this.notifications = notifications;
        this.preferences = preferences;
        this.memberships = memberships;
        this.communities = communities;
        this.posts = posts;
        this.transactions = transactions;
        this.clock = clock;
        this.hour = hour;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${shequn.mail.digest-cron:0 7 * * * *}")
    @SchedulerLock(name = "notification-digest", lockAtMostFor = "PT50M")
    void scheduled() {
        try {
            run(OffsetDateTime.now(clock));
        } catch (RuntimeException e) {
            log.warn("The daily digest failed; the next hour tries again: {}", e.getMessage());
        }
    }

    /** Queues the digests due at {@code now}; returns how many were queued. */
    int run(OffsetDateTime now) {
        if (!mails.enabled() || now.atZoneSameInstant(zone).getHour() < hour) {
            return 0;
        }
        var weekAgo = now.minusDays(7);
        digestPosts.purgeBefore(weekAgo);
        var communitiesOf = new LinkedHashMap<Long, List<Long>>();
        for (long communityId : digestPosts.communitiesWithPostsSince(weekAgo)) {
            for (long member : memberships.membersOf(communityId)) {
                communitiesOf.computeIfAbsent(member, k -> new ArrayList<>()).add(communityId);
            }
        }
        notifications.withUnreadSince(now.minusDays(1)).forEach(a -> communitiesOf.computeIfAbsent(a, k -> new ArrayList<>()));
        var off = new HashSet<>(preferences.digestOff());
        var names = communities.findAll(new TreeSet<>(communitiesOf.values().stream().flatMap(List::stream).toList()));
        int queued = 0;
        for (var entry : communitiesOf.entrySet()) {
            long accountId = entry.getKey();
            if (off.contains(accountId)) {
                continue;
            }
            var settings = preferences.settings(accountId).orElse(null);
            var last = settings == null ? null : settings.lastDigestAt();
            if (last != null && last.isAfter(now.minusHours(23))) {
                continue;
            }
            // since the last digest (a week at most); a first digest covers the last day
            var since = last == null ? now.minusDays(1) : last.isBefore(weekAgo) ? weekAgo : last;
            if (transactions.execute(t -> digest(accountId, entry.getValue(), names, since, now))) {
                queued++;
            }
        }
        return queued;
    }

    private boolean digest(long accountId, List<Long> communityIds, Map<Long, CommunityInfo> names,
                           OffsetDateTime since, OffsetDateTime now) {
        var locale = preferences.settings(accountId).map(s -> java.util.Locale.forLanguageTag(s.locale()))
                .orElse(Preferences.DEFAULT_LOCALE);
        var paragraphs = new ArrayList<String>();
        for (long communityId : communityIds) {
            var community = names.get(communityId);
            int count = digestPosts.count(communityId, since, accountId);
            if (community == null || count == 0) {
                continue;
            }
            var lines = new StringBuilder(mails.t("notification.digest.community", locale, community.name(), count));
            for (var p : digestPosts.latest(communityId, since, accountId, TITLES_PER_COMMUNITY)) {
                // only what is still there: a post hidden since is not told of
                if (posts.find(p.postId()).isPresent()) {
                    lines.append("\n· ").append(p.title());
                }
            }
            paragraphs.add(lines.toString());
        }
        int unread = notifications.unreadSince(accountId, since);
        if (unread > 0) {
            paragraphs.add(mails.t("notification.digest.unread", locale, notifications.unread(accountId)));
        }
        preferences.digested(accountId, now, Preferences.tag(locale));
        if (paragraphs.isEmpty()) {
            return false;
        }
        paragraphs.addFirst(mails.t("notification.digest.intro", locale));
        mails.queue(accountId, locale, mails.t("notification.digest.subject", locale), paragraphs,
                unread > 0 ? "/notifications" : "/", "digest:" + accountId + ":" + now.atZoneSameInstant(zone).toLocalDate(), now);
        return true;
    }
}
