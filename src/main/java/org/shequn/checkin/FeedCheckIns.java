package org.shequn.checkin;

import gg.jte.TemplateEngine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.shequn.checkin.view.DigestCard;
import org.shequn.content.FeedNotices;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The check-in digest above a member's feed ({@link FeedNotices}): at most one card a day per running challenge
 * ("今日打卡 23 人 · 去打卡"), drawn from the day's count, never a post per check-in, so check-ins never flood the
 * feed. An archived community shows none (nobody can check in).
 */
@Component
@Order(2)
class FeedCheckIns implements FeedNotices {

    /** One card per challenge running today, at most this many. */
    static final int SHOWN = 3;

    private final ChallengeStore challenges;
    private final CheckInStore checkIns;
    private final TemplateEngine templates;
    private final Clock clock;

    FeedCheckIns(ChallengeStore challenges, CheckInStore checkIns, TemplateEngine templates, Clock clock) {
        this.challenges = challenges;
        this.checkIns = checkIns;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public Notices above(long communityId, String slug, long accountId, boolean archived) {
        if (archived) {
            return NONE;
        }
        var instant = clock.instant();
        // zones differ by at most a day on each side: read the challenges around today, then ask each its own today
        var utc = LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
        var digests = challenges.runningOn(communityId, utc.minusDays(1), utc.plusDays(1)).stream()
                .filter(c -> c.calendar().isChallengeDay(c.calendar().dayOf(instant)))
                .limit(SHOWN)
                .map(c -> {
                    var today = c.calendar().dayOf(instant);
                    return new DigestCard(c.id(), c.title(), checkIns.countOfDay(c.id(), today),
                            checkIns.hasDay(c.id(), accountId, today));
                }).toList();
        if (digests.isEmpty()) {
            return NONE;
        }
        return ctx -> output -> templates.render("checkin/digest.jte",
                Map.of("ctx", ctx, "slug", slug, "digests", List.copyOf(digests)), output);
    }
}
