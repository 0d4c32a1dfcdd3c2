package org.shequn.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;
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
    private final int pageSize;

    Digest(Mails mails, DigestPosts digestPosts, NotificationStore notifications, PreferenceStore preferences,
           Memberships memberships, Communities communities, Posts posts, TransactionTemplate transactions, Clock clock,
           @Value("${shequn.mail.digest-hour:8}") int hour, @Value("${shequn.mail.digest-zone:Asia/Shanghai}") String zone,
           @Value("${shequn.mail.digest-page-size:500}") int pageSize) {
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
        if (pageSize < 1) {
            throw new IllegalArgumentException("shequn.mail.digest-page-size must be at least 1");
        }
        this.pageSize = pageSize;
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

    /**
     * Queues the digests due at {@code now}; returns how many were queued. Who is due is walked a page at a time
     * (the members of each community with new posts, then whoever has unread notifications), so a community of
     * any size never sits in memory whole. Someone met again on a later page or in another community was
     * digested moments ago and is skipped like anyone digested in the last 23 hours.
     */
    int run(OffsetDateTime now) {
        if (!mails.enabled() || now.atZoneSameInstant(zone).getHour() < hour) {
            return 0;
        }
        var weekAgo = now.minusDays(7);
        digestPosts.purgeBefore(weekAgo);
        var withNews = new TreeSet<>(digestPosts.communitiesWithPostsSince(weekAgo));
        var names = communities.findAll(withNews);
        int queued = 0;
        for (long communityId : withNews) {
            queued += walk(after -> memberships.membersOf(communityId, after, pageSize), withNews, names, now, weekAgo);
        }
        var dayAgo = now.minusDays(1);
        queued += walk(after -> notifications.withUnreadSince(dayAgo, after, pageSize), withNews, names, now, weekAgo);
        return queued;
    }

    /** Digests each account of a keyset-paged list (ascending ids; a page is asked for with the last id seen). */
    private int walk(LongFunction<List<Long>> page, Set<Long> withNews, Map<Long, CommunityInfo> names,
                     OffsetDateTime now, OffsetDateTime weekAgo) {
        int queued = 0;
        long after = 0; // account ids start at 1
        while (true) {
            var ids = page.apply(after);
            for (long accountId : ids) {
                if (digestIfDue(accountId, withNews, names, now, weekAgo)) {
                    queued++;
                }
            }
            if (ids.size() < pageSize) {
                return queued;
            }
            after = ids.getLast();
        }
    }

    private boolean digestIfDue(long accountId, Set<Long> withNews, Map<Long, CommunityInfo> names, OffsetDateTime now,
                                OffsetDateTime weekAgo) {
        var settings = preferences.settings(accountId).orElse(null);
        if (settings != null && !settings.digest()) {
            return false;
        }
        var last = settings == null ? null : settings.lastDigestAt();
        if (last != null && last.isAfter(now.minusHours(23))) {
            return false;
        }
        // since the last digest (a week at most); a first digest covers the last day
        var since = last == null ? now.minusDays(1) : last.isBefore(weekAgo) ? weekAgo : last;
        var communityIds = memberships.communitiesOf(accountId).stream().filter(withNews::contains).toList();
        return Boolean.TRUE.equals(transactions.execute(t -> digest(accountId, communityIds, names, since, now)));
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
