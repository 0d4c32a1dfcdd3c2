package org.shequn.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.shequn.checkin.ChallengeCalendar.Timing;
import org.shequn.checkin.ChallengeDraft.MakeUpPer;
import org.shequn.checkin.ChallengeStore.ChallengeRow;
import org.shequn.checkin.CheckInStore.CheckInRow;
import org.shequn.checkin.CheckInStore.StatsRow;
import org.shequn.checkin.CheckInStore.Standing;
import org.shequn.checkin.view.ChallengePage;
import org.shequn.checkin.view.CheckInView;
import org.shequn.checkin.view.MemberStats;
import org.shequn.checkin.view.MyCalendar;
import org.shequn.profile.ProfileCard;
import org.shequn.profile.Profiles;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.shequn.shared.files.FileStore;
import org.shequn.shared.files.ImageUploads;
import org.shequn.shared.text.Markdown;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checking in: today (on time or late, by the challenge's windows on its own wall clock) or a make-up (补卡) of a
 * past missed challenge day within the quota. Each check-in stores the local date it counts for, once per member
 * and date; the member's figures are recounted from their own days in the same transaction, under their row's
 * lock, so the leaderboard reads one row per member and never counts check-ins.
 */
@Service
public class CheckIns {

    public static final int MAX_IMAGES = 9;
    static final int IMAGE_SIDE = 2048;
    static final int DAY_SHOWN = 50;
    static final int BOARD_SHOWN = 50;

    private final CheckInAccess access;
    private final Challenges challenges;
    private final CheckInStore store;
    private final ImageUploads images;
    private final FileStore files;
    private final Profiles profiles;
    private final Validation validation;
    private final Markdown markdown;
    private final ApplicationEventPublisher events;
    private final ReminderStore reminders;
    private final LeaderboardRanks ranks;
    private final Clock clock;

    CheckIns(CheckInAccess access, Challenges challenges, CheckInStore store, ImageUploads images, FileStore files,
             Profiles profiles, Validation validation, Markdown markdown, ApplicationEventPublisher events,
             ReminderStore reminders, LeaderboardRanks ranks, Clock clock) {
        this.reminders = reminders;
        this.ranks = ranks;
        this.access = access;
        this.challenges = challenges;
        this.store = store;
        this.images = images;
        this.files = files;
        this.profiles = profiles;
        this.validation = validation;
        this.markdown = markdown;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks in for today, or makes up {@code makeUpDay} (null: today). Refused, with nothing written: a day that
     * is not a challenge day, a future day, today past its late window, a second check-in for a day, a make-up
     * beyond the quota, more than nine images or one that is not a picture.
     */
    @Transactional
    public CheckInView checkIn(Viewer viewer, String slug, long challengeId, String text, LocalDate makeUpDay,
                               List<MultipartFile> uploads) {
        var seat = access.write(viewer, slug);
        var challenge = challenges.open(seat, challengeId);
        challenge.scope().requireTakingPart(seat, "checkin.challenge.notFound");
        var body = validation.check(new CheckInText(text)).clean();
        var chosen = uploads == null ? List.<MultipartFile>of() : uploads.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (chosen.size() > MAX_IMAGES) {
            throw Rejection.invalid("images", "checkin.images.tooMany", MAX_IMAGES);
        }
        var calendar = challenge.calendar();
        var instant = clock.instant();
        var today = calendar.dayOf(instant);
        if (today.isBefore(calendar.startsOn())) {
            throw Rejection.conflict("checkin.notStarted", calendar.startsOn());
        }
        if (today.isAfter(calendar.endsOn())) {
            throw Rejection.conflict("checkin.ended");
        }
        var now = OffsetDateTime.now(clock);
        store.lockStats(challenge.id(), seat.accountId(), now);
        var days = store.daysOf(challenge.id(), seat.accountId());
        LocalDate day;
        Standing standing;
        if (makeUpDay == null || makeUpDay.equals(today)) {
            day = today;
            if (!calendar.isChallengeDay(today)) {
                throw Rejection.conflict("checkin.notAChallengeDay");
            }
            var timing = calendar.timingOf(instant);
            if (timing == Timing.OUTSIDE) {
                throw Rejection.conflict("checkin.windowClosed");
            }
            standing = timing == Timing.ON_TIME ? Standing.ON_TIME : Standing.LATE;
        } else {
            day = makeUpDay;
            if (day.isAfter(today)) {
                throw Rejection.invalid("date", "checkin.future");
            }
            if (!calendar.isChallengeDay(day)) {
                throw Rejection.invalid("date", "checkin.makeUp.notAChallengeDay");
            }
            if (!days.containsKey(day) && makeUpsLeft(challenge, days, day) <= 0) {
                throw Rejection.conflict("checkin.makeUp.quota", challenge.makeUpQuota());
            }
            standing = Standing.MADE_UP;
        }
        if (days.containsKey(day)) {
            throw Rejection.conflict("checkin.already", day);
        }
        long id;
        try {
            id = store.insert(challenge.id(), seat.communityId(), seat.accountId(), day, standing, body, now);
        } catch (DuplicateKeyException e) {
            throw Rejection.conflict("checkin.already", day);
        }
        int position = 0;
        var keys = new ArrayList<String>();
        for (var upload : chosen) {
            var key = images.storePrivate(upload, "images", IMAGE_SIDE);
            deleteOnRollback(key);
            store.addImage(id, position++, key);
            keys.add(key);
        }
        days.put(day, standing);
        store.saveStats(challenge.id(), count(calendar, seat.accountId(), days), now);
        events.publishEvent(new CheckedIn(seat.communityId(), challenge.id(), id, seat.accountId(), day, instant));
        // as views() would read it back, without reading: a new check-in has these images and no reviews yet
        var made = new CheckInRow(id, challenge.id(), seat.accountId(), day, standing, body, now, null);
        return view(seat.community().slug(), challenge, made, keys, List.of(), profiles.findAll(List.of(seat.accountId())));
    }

    /** A day's check-ins (null: today), newest first. */
    public List<CheckInView> ofDay(Viewer viewer, String slug, long challengeId, LocalDate date) {
        var seat = access.read(viewer, slug);
        var challenge = challenges.found(seat, challengeId);
        var day = date == null ? challenge.calendar().dayOf(clock.instant()) : date;
        return views(seat.community().slug(), challenge, store.ofDay(challenge.id(), day, DAY_SHOWN));
    }

    /** The challenge's page: the challenge, today's and the featured check-ins, the leaderboard and my calendar. */
    public ChallengePage page(Viewer viewer, String slug, long challengeId) {
        var seat = access.read(viewer, slug);
        var challenge = challenges.found(seat, challengeId);
        var view = challenges.view(challenge);
        var community = seat.community();
        return new ChallengePage(community.slug(), community.name(), community.archived(), seat.runs(), view,
                views(community.slug(), challenge, store.ofDay(challenge.id(), view.today(), DAY_SHOWN)),
                views(community.slug(), challenge, store.featured(challenge.id(), 6)),
                board(challenge), calendar(seat.accountId(), challenge), reminders.muted(challenge.id(), seat.accountId()));
    }

    /** The featured check-ins, newest first. */
    public List<CheckInView> featured(Viewer viewer, String slug, long challengeId) {
        var seat = access.read(viewer, slug);
        var challenge = challenges.found(seat, challengeId);
        return views(seat.community().slug(), challenge, store.featured(challenge.id(), DAY_SHOWN));
    }

    /** The top of the leaderboard: most days, then the longest streak. */
    public List<MemberStats> leaderboard(Viewer viewer, String slug, long challengeId) {
        var seat = access.read(viewer, slug);
        return board(challenges.found(seat, challengeId));
    }

    private List<MemberStats> board(ChallengeRow challenge) {
        var rows = store.leaderboard(challenge.id(), BOARD_SHOWN);
        var cards = profiles.findAll(rows.stream().map(StatsRow::accountId).toList());
        var today = challenge.calendar().dayOf(clock.instant());
        var board = new ArrayList<MemberStats>();
        long rank = 0;
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            // the same figures share a place, as in the member's own calendar (LeaderboardRanks)
            if (i == 0 || row.totalDays() != rows.get(i - 1).totalDays() || row.longestStreak() != rows.get(i - 1).longestStreak()) {
                rank = i + 1;
            }
            board.add(stats(challenge, row, cards.get(row.accountId()), rank, today));
        }
        return board;
    }

    /** The viewer's own calendar of the challenge, with their figures and rank. */
    public MyCalendar calendar(Viewer viewer, String slug, long challengeId) {
        var seat = access.read(viewer, slug);
        return calendar(seat.accountId(), challenges.found(seat, challengeId));
    }

    private MyCalendar calendar(long accountId, ChallengeRow challenge) {
        var calendar = challenge.calendar();
        var today = calendar.dayOf(clock.instant());
        var days = store.daysOf(challenge.id(), accountId);
        var shown = new ArrayList<MyCalendar.Day>();
        var missed = new ArrayList<LocalDate>();
        for (var day : calendar.days()) {
            var done = days.get(day);
            String state;
            if (done != null) {
                state = switch (done) {
                    case ON_TIME -> "DONE";
                    case LATE -> "LATE";
                    case MADE_UP -> "MADE_UP";
                };
            } else if (day.isBefore(today)) {
                state = "MISSED";
                if (!challenge.closed() && !today.isAfter(calendar.endsOn()) && makeUpsLeft(challenge, days, day) > 0) {
                    missed.add(day);
                }
            } else {
                state = day.equals(today) ? "TODAY" : "UPCOMING";
            }
            shown.add(new MyCalendar.Day(day, state));
        }
        var row = store.stats(challenge.id(), accountId).orElse(new StatsRow(accountId, 0, 0, 0, 0, 0, null, 0));
        long rank = ranks.rank(challenge.id(), row);
        var card = profiles.findAll(List.of(accountId)).get(accountId);
        return new MyCalendar(challenge.id(), today, shown, stats(challenge, row, card, rank, today),
                makeUpsLeft(challenge, days, today), missed);
    }

    /** Make-ups left for {@code day}: per the week it falls in, or over the whole challenge. */
    static int makeUpsLeft(ChallengeRow challenge, Map<LocalDate, Standing> days, LocalDate day) {
        long used = days.entrySet().stream().filter(e -> e.getValue() == Standing.MADE_UP)
                .filter(e -> challenge.makeUpPer() == MakeUpPer.CHALLENGE || sameWeek(e.getKey(), day)).count();
        return (int) Math.max(0, challenge.makeUpQuota() - used);
    }

    private static boolean sameWeek(LocalDate a, LocalDate b) {
        return a.get(IsoFields.WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_BASED_YEAR)
                && a.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** A member's figures recounted from their days. */
    static StatsRow count(ChallengeCalendar calendar, long accountId, TreeMap<LocalDate, Standing> days) {
        int onTime = 0;
        int late = 0;
        int madeUp = 0;
        for (var s : days.values()) {
            switch (s) {
                case ON_TIME -> onTime++;
                case LATE -> late++;
                case MADE_UP -> madeUp++;
            }
        }
        var streaks = calendar.streaks(new TreeSet<>(days.keySet()));
        return new StatsRow(accountId, days.size(), onTime, late, madeUp, streaks.current(), streaks.end(), streaks.longest());
    }

    private static MemberStats stats(ChallengeRow challenge, StatsRow row, ProfileCard card, long rank, LocalDate today) {
        var streak = new ChallengeCalendar.Streaks(row.currentStreak(), row.streakEnd(), row.longestStreak())
                .asOf(today, challenge.calendar());
        int rate = row.totalDays() == 0 ? 0 : Math.round(100f * row.onTimeDays() / row.totalDays());
        return new MemberStats(row.accountId(), card == null ? "?" : card.displayName(),
                card == null ? null : card.avatarUrl(), rank, row.totalDays(), row.onTimeDays(), row.lateDays(),
                row.madeUpDays(), streak, row.longestStreak(), rate);
    }

    CheckInRow found(ChallengeRow challenge, long id) {
        return store.byId(challenge.id(), id).orElseThrow(() -> Rejection.notFound("checkin.notFound"));
    }

    /** Check-ins as shown: their authors, images and reviews read in one query each. */
    List<CheckInView> views(String slug, ChallengeRow challenge, Collection<CheckInRow> rows) {
        var ids = rows.stream().map(CheckInRow::id).toList();
        var imageKeys = store.imagesOf(ids);
        var reviews = store.reviewsOf(ids);
        var people = new java.util.HashSet<Long>();
        rows.forEach(r -> people.add(r.accountId()));
        reviews.values().forEach(list -> list.forEach(r -> people.add(r.reviewerId())));
        var cards = profiles.findAll(people);
        return rows.stream().map(r -> view(slug, challenge, r, imageKeys.getOrDefault(r.id(), List.of()),
                reviews.getOrDefault(r.id(), List.of()), cards)).toList();
    }

    private CheckInView view(String slug, ChallengeRow challenge, CheckInRow r, List<String> imageKeys,
                             List<CheckInStore.ReviewRow> reviews, Map<Long, ProfileCard> cards) {
        var card = cards.get(r.accountId());
        var urls = imageKeys.stream().map(k -> "/c/" + slug + "/checkins/" + challenge.id() + "/images/" + k).toList();
        var shownReviews = reviews.stream().map(v -> {
            var reviewer = cards.get(v.reviewerId());
            return new CheckInView.Review(v.id(), v.reviewerId(), reviewer == null ? "?" : reviewer.displayName(),
                    v.body(), markdown.toSafeHtml(v.body()), v.createdAt());
        }).toList();
        return new CheckInView(r.id(), r.accountId(), card == null ? "?" : card.displayName(),
                card == null ? null : card.avatarUrl(), r.localDate(), r.standing().name(), r.body(),
                markdown.toSafeHtml(r.body()), urls, r.checkedAt(), r.featuredAt() != null, shownReviews);
    }

    /** A check-in's image, for members of its community only. */
    public FileStore.StoredFile image(Viewer viewer, String slug, long challengeId, String key) {
        var seat = access.read(viewer, slug);
        var challenge = challenges.found(seat, challengeId);
        if (!store.hasImage(challenge.id(), key)) {
            throw Rejection.notFound("checkin.notFound");
        }
        return files.get(key).orElseThrow(() -> Rejection.notFound("checkin.notFound"));
    }

    /** A stored image whose check-in rolls back would be an orphan: delete it with the rollback. */
    private void deleteOnRollback(String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        files.delete(key);
                    }
                }
            });
        }
    }
}
