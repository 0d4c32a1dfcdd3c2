package org.shequn.event;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.shequn.community.Communities;
import org.shequn.shared.PublicUrls;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events as iCalendar: one event's {@code .ics}, and a member's personal feed of the events they registered for
 * or wait for, at a secret URL a calendar app subscribes to (no sign-in there, so the secret is the key: the
 * member regenerates or revokes it). Times are written in UTC, so no zone definitions are needed.
 */
@Service
public class EventCalendar {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventAccess access;
    private final EventStore store;
    private final Communities communities;
    private final PublicUrls urls;
    private final Clock clock;

    EventCalendar(EventAccess access, EventStore store, Communities communities, PublicUrls urls, Clock clock) {
        this.access = access;
        this.store = store;
        this.communities = communities;
        this.urls = urls;
        this.clock = clock;
    }

    /** One event's calendar file, for its members. */
    public String ics(Viewer viewer, String slug, long id) {
        var seat = access.read(viewer, slug);
        return write(List.of(access.event(seat, id)));
    }

    /** The personal feed behind a secret; an unknown (or revoked) secret is a 404. */
    public String feed(String token) {
        long account = Optional.ofNullable(token).flatMap(store::feedOwner)
                .orElseThrow(() -> Rejection.notFound("event.calendar.unknown"));
        return write(store.ofGuest(account, OffsetDateTime.now(clock).minusDays(30)));
    }

    /** The viewer's feed URL, or empty when they have none. */
    public Optional<String> feedUrl(Viewer viewer) {
        return store.feedToken(Viewer.require(viewer).accountId()).map(this::url);
    }

    /** A new secret: the old URL stops working. */
    @Transactional
    public String regenerate(Viewer viewer) {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.replaceFeed(Viewer.require(viewer).accountId(), token, OffsetDateTime.now(clock));
        return url(token);
    }

    @Transactional
    public void revoke(Viewer viewer) {
        store.revokeFeed(Viewer.require(viewer).accountId());
    }

    private String url(String token) {
        return urls.of("/calendar/" + token + ".ics");
    }

    private String write(List<EventStore.EventRow> rows) {
        var calendar = new ICalendar();
        calendar.setProductId("-//Shequn//Events//ZH");
        var slugs = communities.findAll(rows.stream().map(EventStore.EventRow::communityId).distinct().toList());
        for (var e : rows) {
            var event = new VEvent();
            event.setUid("event-" + e.id() + "@shequn");
            event.setSummary(e.title());
            event.setDescription(e.description());
            event.setDateStart(new Date(e.startsAt().toInstant().toEpochMilli()), true);
            event.setDateEnd(new Date(e.endsAt().toInstant().toEpochMilli()), true);
            if (e.place() != null) {
                event.setLocation(e.place());
            }
            var community = slugs.get(e.communityId());
            if (community != null) {
                event.setUrl(urls.of("/c/" + community.slug() + "/events/" + e.id()));
            }
            if (e.cancelled()) {
                event.setStatus(Status.cancelled());
            }
            calendar.addEvent(event);
        }
        // biweekly writes date-times in UTC unless given a zone, whose definition it would fetch from the network
        return Biweekly.write(calendar).go();
    }
}
