package org.shequn.checkin;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.shequn.checkin.view.CheckInView;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the owner and admins do with check-ins: review one (点评) and feature the best. */
@Service
public class Reviewing {

    private final CheckInAccess access;
    private final Challenges challenges;
    private final CheckIns checkIns;
    private final CheckInStore store;
    private final Validation validation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reviewing(CheckInAccess access, Challenges challenges, CheckIns checkIns, CheckInStore store, Validation validation,
              ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.challenges = challenges;
        this.checkIns = checkIns;
        this.store = store;
        this.validation = validation;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a review under the check-in; its author is the one reviewed (a closed challenge's check-ins too). */
    @Transactional
    public CheckInView review(Viewer viewer, String slug, long challengeId, long checkInId, String text) {
        var seat = access.plannerWrite(viewer, slug);
        var challenge = challenges.found(seat, challengeId);
        CheckInAccess.requireRuns(seat, challenge);
        var checkIn = checkIns.found(challenge, checkInId);
        var body = validation.check(new CheckInText(text)).clean();
        var now = OffsetDateTime.now(clock);
        store.insertReview(checkIn.id(), seat.accountId(), body, now);
        events.publishEvent(new CheckInReviewed(seat.communityId(), challenge.id(), checkIn.id(), seat.accountId(),
                checkIn.accountId(), now.toInstant()));
        return checkIns.views(seat.community().slug(), challenge, List.of(checkIns.found(challenge, checkInId))).getFirst();
    }

    /** Features it (again is fine) or takes it off the featured list. */
    @Transactional
    public CheckInView feature(Viewer viewer, String slug, long challengeId, long checkInId, boolean featured) {
        var seat = access.plannerWrite(viewer, slug);
        var challenge = challenges.found(seat, challengeId);
        CheckInAccess.requireRuns(seat, challenge);
        var checkIn = checkIns.found(challenge, checkInId);
        store.feature(checkIn.id(), featured, OffsetDateTime.now(clock));
        return checkIns.views(seat.community().slug(), challenge, List.of(checkIns.found(challenge, checkInId))).getFirst();
    }
}
