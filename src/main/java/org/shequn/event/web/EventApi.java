package org.shequn.event.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.shequn.event.DoorCheckIn;
import org.shequn.event.EventAlbum;
import org.shequn.event.view.EventPhoto;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.shequn.event.EventCalendar;
import org.shequn.event.EventDraft;
import org.shequn.event.EventPlanning;
import org.shequn.event.EventRegistrations;
import org.shequn.event.Events;
import org.shequn.event.view.DoorCheck;
import org.shequn.event.view.EventList;
import org.shequn.event.view.EventView;
import org.shequn.event.view.GuestList;
import org.shequn.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events over the API: members list, read, register and cancel; the owner and admins plan and decide
 * registrations; staff read the guest list and check guests in; the caller's personal calendar feed.
 */
@RestController
class EventApi {

    static final String BASE = "/api/v1/communities/{slug}/events";

    /** A registration's answers, one per question in order. */
    record RegistrationRequest(List<String> answers) {
    }

    record CheckInRequest(String ticket) {
    }

    record FeedbackRequest(Integer rating, String comment) {
    }

    record CalendarFeed(String url) {
    }

    private final Events events;
    private final EventPlanning planning;
    private final EventRegistrations registrations;
    private final DoorCheckIn door;
    private final EventCalendar calendar;
    private final EventAlbum album;

    EventApi(Events events, EventPlanning planning, EventRegistrations registrations, DoorCheckIn door,
             EventCalendar calendar, EventAlbum album) {
        this.album = album;
        this.events = events;
        this.planning = planning;
        this.registrations = registrations;
        this.door = door;
        this.calendar = calendar;
    }

    /** Upcoming (soonest first) and past (latest first). */
    @GetMapping(BASE)
    EventList list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return events.list(viewer, slug);
    }

    @PostMapping(BASE)
    ResponseEntity<EventView> create(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                     @RequestBody EventDraft body) {
        var created = planning.create(viewer, slug, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/events/" + created.id())).body(created);
    }

    @GetMapping(BASE + "/{id}")
    EventView get(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return events.get(viewer, slug, id);
    }

    @PutMapping(BASE + "/{id}")
    EventView edit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                   @RequestBody EventDraft body) {
        return planning.edit(viewer, slug, id, body);
    }

    /** Calls it off; everyone registered or waiting is told. */
    @PostMapping(BASE + "/{id}/cancel")
    ResponseEntity<Void> cancel(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        planning.cancel(viewer, slug, id);
        return ResponseEntity.noContent().build();
    }

    /** The event as an iCalendar file (times in UTC). */
    @GetMapping(BASE + "/{id}/calendar")
    void ics(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
             jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        CalendarFiles.write(response, calendar.ics(viewer, slug, id), "event-" + id + ".ics");
    }

    /** Registers the caller: their view of the event, with {@code mine.state} REGISTERED, WAITLISTED or PENDING. */
    @PostMapping(BASE + "/{id}/registration")
    EventView register(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                       @RequestBody(required = false) RegistrationRequest body) {
        return registrations.register(viewer, slug, id, body == null ? List.of() : body.answers());
    }

    /** Cancels the caller's registration (a seat goes to the first on the waitlist). */
    @DeleteMapping(BASE + "/{id}/registration")
    EventView unregister(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return registrations.cancel(viewer, slug, id);
    }

    /** Everyone who registered, with attendance and feedback: staff. */
    @GetMapping(BASE + "/{id}/registrations")
    GuestList guests(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return events.guests(viewer, slug, id);
    }

    @PostMapping(BASE + "/{id}/registrations/{registrationId}/approve")
    Map<String, String> approve(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                                @PathVariable long registrationId) {
        return Map.of("state", planning.approve(viewer, slug, id, registrationId).name());
    }

    @PostMapping(BASE + "/{id}/registrations/{registrationId}/refuse")
    ResponseEntity<Void> refuse(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                                @PathVariable long registrationId) {
        planning.refuse(viewer, slug, id, registrationId);
        return ResponseEntity.noContent().build();
    }

    /** Checks a guest in by their ticket's secret: 200 the first time; forged 404; used, other event, refused 409. */
    @PostMapping(BASE + "/{id}/check-ins")
    DoorCheck checkIn(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                      @RequestBody CheckInRequest body) {
        return door.checkIn(viewer, slug, id, body == null ? null : body.ticket());
    }

    /** An attendee's rating (1–5) and comment, once. */
    @PostMapping(BASE + "/{id}/feedback")
    ResponseEntity<Void> feedback(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                                  @RequestBody FeedbackRequest body) {
        registrations.feedback(viewer, slug, id, body == null ? null : body.rating(), body == null ? null : body.comment());
        return ResponseEntity.noContent().build();
    }

    /** The event's photo album, oldest first. */
    @GetMapping(BASE + "/{id}/photos")
    List<EventPhoto> photos(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return album.photos(viewer, slug, id);
    }

    /** Adds a picture (multipart {@code file}): attendees and staff, once the event has started. */
    @PostMapping(value = BASE + "/{id}/photos", consumes = "multipart/form-data")
    ResponseEntity<EventPhoto> addPhoto(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                        @PathVariable long id, @RequestParam(required = false) MultipartFile file) {
        var photo = album.add(viewer, slug, id, file);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/events/" + id + "/photos/" + photo.id()
                + "/image")).body(photo);
    }

    /** The picture itself, for the community's members. */
    /** Takes a picture out of the album: its uploader, or the event's staff. */
    @DeleteMapping(BASE + "/{id}/photos/{photoId}")
    ResponseEntity<Void> removePhoto(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                     @PathVariable long id, @PathVariable long photoId) {
        album.remove(viewer, slug, id, photoId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(BASE + "/{id}/photos/{photoId}/image")
    void photo(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
               @PathVariable long photoId, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        AlbumFiles.write(response, album.image(viewer, slug, id, photoId));
    }

    /** The caller's personal calendar feed URL; {@code url} null when there is none. */
    @GetMapping("/api/v1/me/calendar-feed")
    CalendarFeed feed(@AuthenticationPrincipal Viewer viewer) {
        return new CalendarFeed(calendar.feedUrl(viewer).orElse(null));
    }

    /** A new secret URL; the old one stops working. */
    @PostMapping("/api/v1/me/calendar-feed")
    CalendarFeed regenerate(@AuthenticationPrincipal Viewer viewer) {
        return new CalendarFeed(calendar.regenerate(viewer));
    }

    @DeleteMapping("/api/v1/me/calendar-feed")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Viewer viewer) {
        calendar.revoke(viewer);
        return ResponseEntity.noContent().build();
    }

}
