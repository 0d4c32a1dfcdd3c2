package org.shequn.announcement;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.announcement.view.AnnouncementView;
import org.shequn.announcement.view.Receipts;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the owner and admins do with announcements: publish, edit, withdraw, and remind those who have not read
 * one, once. Each checks who may act first, then the text, then writes; a refusal writes nothing.
 */
@Service
public class Announcing {

    private final AnnouncementAccess access;
    private final AnnouncementStore store;
    private final Announcements announcements;
    private final Validation validation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Announcing(AnnouncementAccess access, AnnouncementStore store, Announcements announcements, Validation validation,
               ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.store = store;
        this.announcements = announcements;
        this.validation = validation;
        this.events = events;
        this.clock = clock;
    }

    /** Publishes: it goes on top of every member's feed; its author has read it, everyone else is told. */
    @Transactional
    public AnnouncementView publish(Viewer viewer, String slug, AnnouncementDraft draft) {
        var seat = access.runnerWrite(viewer, slug);
        check(draft);
        var now = now();
        long id = store.insert(seat.communityId(), seat.accountId(), draft.cleanTitle(), draft.cleanBody(), now);
        store.markRead(id, seat.communityId(), seat.accountId(), now);
        events.publishEvent(new AnnouncementPublished(id, seat.communityId(), seat.accountId(), draft.cleanTitle()));
        return announcements.view(store.byId(seat.communityId(), id).orElseThrow(), true);
    }

    /** Corrects the text; who has read it stays as it was (a correction is not a new announcement). */
    @Transactional
    public AnnouncementView edit(Viewer viewer, String slug, long id, AnnouncementDraft draft) {
        var seat = access.runnerWrite(viewer, slug);
        var row = announcements.active(seat, id);
        check(draft);
        store.edit(row.id(), draft.cleanTitle(), draft.cleanBody(), now());
        return announcements.view(store.byId(seat.communityId(), id).orElseThrow(),
                !store.readOf(seat.accountId(), java.util.List.of(id)).isEmpty());
    }

    /** Takes it off every feed and out of the members' list; its receipts stay for those who run the community. */
    @Transactional
    public void withdraw(Viewer viewer, String slug, long id) {
        var seat = access.runnerWrite(viewer, slug);
        var row = announcements.active(seat, id);
        store.withdraw(row.id(), seat.accountId(), now());
    }

    /**
     * Reminds every member who has not read it yet, once per announcement: a second reminder is refused (409; the
     * page says when the first went out). Returns the receipts as they were when it was sent.
     */
    @Transactional
    public Receipts remind(Viewer viewer, String slug, long id) {
        var seat = access.runnerWrite(viewer, slug);
        var row = announcements.active(seat, id);
        if (row.remindedAt() != null) {
            throw Rejection.conflict("announcement.remind.already");
        }
        var receipts = announcements.receipts(seat, row);
        if (receipts.unread().isEmpty()) {
            throw Rejection.conflict("announcement.remind.nobody");
        }
        // the conditional update is the guard: of two reminders at the same moment, one finds it sent
        if (store.remind(row.id(), seat.accountId(), now()) == 0) {
            throw Rejection.conflict("announcement.remind.already");
        }
        events.publishEvent(new AnnouncementReminded(row.id(), seat.communityId(), seat.accountId(), row.title(),
                receipts.unread().stream().map(Receipts.Reader::accountId).toList()));
        return announcements.receipts(seat, announcements.found(seat, id));
    }

    private void check(AnnouncementDraft draft) {
        validation.check(draft == null ? new AnnouncementDraft(null, null) : draft);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
