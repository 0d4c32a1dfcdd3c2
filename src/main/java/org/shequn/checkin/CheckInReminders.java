package org.shequn.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.shequn.checkin.ChallengeCalendar.Timing;
import org.shequn.checkin.ChallengeStore.ChallengeRow;
import org.shequn.membership.Memberships;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Check-in reminders: once a day, at the challenge's chosen local time, the members who have not checked in yet
 * (and have not muted the challenge) are told; at the evening nudge time, those whose streak would break tonight.
 * Each challenge, day and stage is claimed by one row before anyone is told, in the same transaction as the
 * announcement ({@link CheckInReminded}), so two nodes or a second run never send it twice. Members mute a
 * challenge's reminders for themselves.
 */
@Service
public class CheckInReminders {

    static final String REMIND = "REMIND";
    static final String NUDGE = "NUDGE";

    private final ChallengeStore challenges;
    private final ReminderStore store;
    private final CheckInAccess access;
    private final Challenges challengeCases;
    private final Memberships memberships;
    private final org.shequn.membership.Scopes scopes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CheckInReminders(ChallengeStore challenges, ReminderStore store, CheckInAccess access, Challenges challengeCases,
                     Memberships memberships, ApplicationEventPublisher events, TransactionTemplate transactions,
                     Clock clock, org.shequn.membership.Scopes scopes) {
        this.scopes = scopes;
        this.challenges = challenges;
        this.store = store;
        this.access = access;
        this.challengeCases = challengeCases;
        this.memberships = memberships;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shequn.checkin.reminders-every:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "checkin-reminders", lockAtMostFor = "PT10M")
    void scheduled() {
        sendDue();
    }

    /** Sends every reminder and nudge that is due and not yet sent; returns how many went out. */
    public int sendDue() {
        var instant = clock.instant();
        var utc = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        int sent = 0;
        for (var challenge : challenges.remindable(utc.minusDays(1), utc.plusDays(1))) {
            var calendar = challenge.calendar();
            var today = calendar.dayOf(instant);
            if (!calendar.isChallengeDay(today) || calendar.timingOf(instant) == Timing.OUTSIDE) {
                continue;
            }
            var wall = LocalDateTime.ofInstant(instant, calendar.zone());
            if (due(challenge.remindAt(), today, wall, calendar.dayStartHour())) {
                sent += send(challenge, today, REMIND);
            }
            if (due(challenge.nudgeAt(), today, wall, calendar.dayStartHour())) {
                sent += send(challenge, today, NUDGE);
            }
        }
        return sent;
    }

    /** Whether the wall clock has passed {@code at} of the day (a time before the day-start hour is after midnight). */
    static boolean due(LocalTime at, LocalDate day, LocalDateTime wall, int dayStartHour) {
        if (at == null) {
            return false;
        }
        var moment = (at.getHour() < dayStartHour ? day.plusDays(1) : day).atTime(at);
        return !wall.isBefore(moment);
    }

    private int send(ChallengeRow challenge, LocalDate today, String stage) {
        var now = OffsetDateTime.now(clock);
        return transactions.execute(tx -> {
            if (store.claim(challenge.id(), today, stage, now) == 0) {
                return 0;
            }
            var told = stage.equals(REMIND) ? notYetCheckedIn(challenge, today) : atRisk(challenge, today);
            store.recipients(challenge.id(), today, stage, told.size());
            if (!told.isEmpty()) {
                events.publishEvent(new CheckInReminded(challenge.communityId(), challenge.id(), challenge.title(), today,
                        stage, told));
            }
            return 1;
        });
    }

    private List<Long> notYetCheckedIn(ChallengeRow challenge, LocalDate today) {
        var quiet = store.quiet(challenge.id(), today);
        // a sub-group's challenge reminds its members only
        var audience = scopes.audience(challenge.communityId(), challenge.scope());
        var told = new ArrayList<Long>();
        memberships.eachMember(challenge.communityId(), m -> {
            if (!quiet.contains(m) && audience.test(m)) {
                told.add(m);
            }
        });
        return told;
    }

    private List<Long> atRisk(ChallengeRow challenge, LocalDate today) {
        var previous = challenge.calendar().previousDay(today);
        return previous == null ? List.of() : store.atRisk(challenge.id(), previous);
    }

    /** Mutes (or unmutes) this challenge's reminders for the viewer. */
    @Transactional
    public boolean mute(Viewer viewer, String slug, long challengeId, boolean muted) {
        var seat = access.read(viewer, slug).requireWritable();
        var challenge = challengeCases.found(seat, challengeId);
        if (muted) {
            store.mute(challenge.id(), seat.accountId(), OffsetDateTime.now(clock));
        } else {
            store.unmute(challenge.id(), seat.accountId());
        }
        return muted;
    }

    boolean muted(long challengeId, long accountId) {
        return store.muted(challengeId, accountId);
    }

}
