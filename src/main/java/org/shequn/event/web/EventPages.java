package org.shequn.event.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.shequn.event.DoorCheckIn;
import org.shequn.event.EventCalendar;
import org.shequn.event.EventDraft;
import org.shequn.event.EventKind;
import org.shequn.event.EventPlanning;
import org.shequn.event.EventRegistrations;
import org.shequn.event.Events;
import org.shequn.event.view.EventEditor;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.shequn.shared.web.FormErrors;
import org.shequn.shared.web.FormPages;
import org.shequn.shared.web.QrCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The events pages: the list, an event (register, cancel, my ticket, the released link, feedback), the runners'
 * form, the guest list with attendance, the door (a ticket link opened by a phone's camera) and the calendars.
 */
@Controller
class EventPages {

    /** The session remembers which event's door a staff member works, so a ticket for another event is refused. */
    static final String DOOR = "shequn.event.door";

    /** The form's fields as text; numbers that are not numbers are refused on their field. */
    record EventForm(String title, String description, String kind, String start, String end, String zone, String place,
                     String mapUrl, String onlineUrl, String linkReleasedAt, String speakerId, String capacity,
                     String approval, String questions, String cancelHours, List<String> helperIds,
                     String subgroupId) {

        EventDraft draft() {
            EventKind parsedKind;
            try {
                parsedKind = kind == null || kind.isBlank() ? null : EventKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                parsedKind = null;
            }
            var lines = questions == null ? List.<String>of()
                    : Arrays.stream(questions.split("\r?\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            var helpers = new ArrayList<Long>();
            for (var h : helperIds == null ? List.<String>of() : helperIds) {
                if (h != null && !h.isBlank()) {
                    helpers.add(number("helperIds", h).longValue());
                }
            }
            return new EventDraft(title, description, parsedKind, start, end, zone, place, mapUrl, onlineUrl,
                    linkReleasedAt, speakerId == null || speakerId.isBlank() ? null : number("speakerId", speakerId).longValue(),
                    capacity == null || capacity.isBlank() ? null : number("capacity", capacity).intValue(),
                    "on".equals(approval) || "true".equals(approval), lines,
                    cancelHours == null || cancelHours.isBlank() ? 0 : number("cancelHours", cancelHours).intValue(),
                    helpers, subgroupId == null || subgroupId.isBlank() ? null : number("subgroupId", subgroupId).longValue());
        }

        EventEditor typed() {
            return new EventEditor(null, null, null, orEmpty(title), orEmpty(description), kind == null ? "OFFLINE" : kind,
                    orEmpty(start), orEmpty(end), orEmpty(zone), orEmpty(place), orEmpty(mapUrl), orEmpty(onlineUrl),
                    orEmpty(linkReleasedAt), orEmpty(speakerId), orEmpty(capacity),
                    "on".equals(approval) || "true".equals(approval), orEmpty(questions), orEmpty(cancelHours),
                    helperIds == null ? "" : String.join(",", helperIds), List.of(), 0, 0, List.of(),
                    subgroupId != null && subgroupId.strip().matches("\\d{1,18}") ? subgroupId.strip() : "");
        }

        private static Long number(String field, String text) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw Rejection.invalid(field, "event.number");
            }
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    private final Events events;
    private final EventPlanning planning;
    private final EventRegistrations registrations;
    private final DoorCheckIn door;
    private final EventCalendar calendar;
    private final org.shequn.event.EventAlbum album;
    private final FormPages forms;

    EventPages(Events events, EventPlanning planning, EventRegistrations registrations, DoorCheckIn door,
               EventCalendar calendar, org.shequn.event.EventAlbum album, FormPages forms) {
        this.album = album;
        this.events = events;
        this.planning = planning;
        this.registrations = registrations;
        this.door = door;
        this.calendar = calendar;
        this.forms = forms;
    }

    @GetMapping("/c/{slug}/events")
    String list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("list", events.list(viewer, slug));
        model.addAttribute("feedUrl", calendar.feedUrl(viewer).orElse(null));
        return "event/list";
    }

    @GetMapping("/c/{slug}/events/new")
    String newForm(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                   @RequestParam(required = false) Long subgroup, Model model) {
        model.addAttribute("editor", events.editor(viewer, slug, subgroup));
        model.addAttribute("errors", FormErrors.NONE);
        return "event/form";
    }

    @PostMapping("/c/{slug}/events")
    String create(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, EventForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            long id = planning.create(viewer, slug, form.draft()).id();
            Flash.ok(redirect, "event.created");
            return "redirect:/c/" + slug + "/events/" + id;
        } catch (Rejection rejection) {
            return formAgain(viewer, slug, null, form, rejection, model, response);
        }
    }

    @GetMapping("/c/{slug}/events/{id}")
    String show(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model) {
        model.addAttribute("page", events.page(viewer, slug, id));
        model.addAttribute("photos", album.photos(viewer, slug, id));
        model.addAttribute("errors", FormErrors.NONE);
        return "event/show";
    }

    @PostMapping("/c/{slug}/events/{id}/photos")
    String addPhoto(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                    @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                    RedirectAttributes redirect) {
        album.add(viewer, slug, id, file);
        Flash.ok(redirect, "event.flash.photo");
        return "redirect:/c/" + slug + "/events/" + id + "#album";
    }

    @PostMapping("/c/{slug}/events/{id}/photos/{photoId}/delete")
    String removePhoto(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                       @PathVariable long photoId, RedirectAttributes redirect) {
        album.remove(viewer, slug, id, photoId);
        Flash.ok(redirect, "event.flash.photoRemoved");
        return "redirect:/c/" + slug + "/events/" + id + "#album";
    }

    @GetMapping("/c/{slug}/events/{id}/photos/{photoId}/image")
    void photo(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
               @PathVariable long photoId, HttpServletResponse response) throws java.io.IOException {
        AlbumFiles.write(response, album.image(viewer, slug, id, photoId));
    }

    @GetMapping("/c/{slug}/events/{id}/edit")
    String editForm(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model) {
        model.addAttribute("editor", events.editor(viewer, slug, id));
        model.addAttribute("errors", FormErrors.NONE);
        return "event/form";
    }

    @PostMapping("/c/{slug}/events/{id}/edit")
    String edit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, EventForm form,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            planning.edit(viewer, slug, id, form.draft());
            Flash.ok(redirect, "event.saved");
            return "redirect:/c/" + slug + "/events/" + id;
        } catch (Rejection rejection) {
            return formAgain(viewer, slug, id, form, rejection, model, response);
        }
    }

    @PostMapping("/c/{slug}/events/{id}/cancel")
    String cancel(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  RedirectAttributes redirect) {
        planning.cancel(viewer, slug, id);
        Flash.ok(redirect, "event.cancelledDone");
        return "redirect:/c/" + slug + "/events/" + id;
    }

    /** Registering with the answers typed; a refusal of an answer shows the page again with the message. */
    @PostMapping("/c/{slug}/events/{id}/register")
    String register(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                    @RequestParam(name = "answer", required = false) List<String> answers, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var view = registrations.register(viewer, slug, id, answers == null ? List.of() : answers);
            Flash.ok(redirect, "event.flash." + view.mine().state());
            return "redirect:/c/" + slug + "/events/" + id;
        } catch (Rejection rejection) {
            return forms.again("event/show", rejection, response, model, m -> {
                m.addAttribute("page", events.page(viewer, slug, id));
                m.addAttribute("photos", album.photos(viewer, slug, id));
            });
        }
    }

    @PostMapping("/c/{slug}/events/{id}/unregister")
    String unregister(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                      RedirectAttributes redirect) {
        registrations.cancel(viewer, slug, id);
        Flash.ok(redirect, "event.flash.cancelled");
        return "redirect:/c/" + slug + "/events/" + id;
    }

    @PostMapping("/c/{slug}/events/{id}/feedback")
    String feedback(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                    @RequestParam(required = false) Integer rating, @RequestParam(required = false) String comment,
                    RedirectAttributes redirect) {
        registrations.feedback(viewer, slug, id, rating, comment);
        Flash.ok(redirect, "event.flash.feedback");
        return "redirect:/c/" + slug + "/events/" + id;
    }

    /** The guest list; opening it puts this staff member at this event's door (a ticket for another is refused). */
    @GetMapping("/c/{slug}/events/{id}/registrations")
    String guests(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model,
                  HttpSession session) {
        model.addAttribute("list", events.guests(viewer, slug, id));
        session.setAttribute(DOOR, id);
        return "event/guests";
    }

    @PostMapping("/c/{slug}/events/{id}/registrations/{registrationId}/approve")
    String approve(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                   @PathVariable long registrationId, RedirectAttributes redirect) {
        Flash.ok(redirect, "event.flash.approved." + planning.approve(viewer, slug, id, registrationId).name());
        return "redirect:/c/" + slug + "/events/" + id + "/registrations";
    }

    @PostMapping("/c/{slug}/events/{id}/registrations/{registrationId}/refuse")
    String refuse(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  @PathVariable long registrationId, RedirectAttributes redirect) {
        planning.refuse(viewer, slug, id, registrationId);
        Flash.ok(redirect, "event.flash.refused");
        return "redirect:/c/" + slug + "/events/" + id + "/registrations";
    }

    /** The viewer's ticket as a QR code (their ticket link), while they hold a seat. */
    @GetMapping("/c/{slug}/events/{id}/ticket.svg")
    void ticket(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                HttpServletResponse response) throws java.io.IOException {
        var svg = QrCode.svg(events.ticketLink(viewer, slug, id));
        response.setContentType("image/svg+xml;charset=UTF-8");
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(svg.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/c/{slug}/events/{id}/calendar.ics")
    void ics(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
             HttpServletResponse response) throws java.io.IOException {
        CalendarFiles.write(response, calendar.ics(viewer, slug, id), "event-" + id + ".ics");
    }

    /**
     * The door: what a phone's camera opens. It checks the guest in when staff open it (a GET, since a camera
     * opens links; the ticket's secret and the one conditional update make it safe to open twice: red).
     */
    @GetMapping("/tickets/{ticket}")
    String door(@AuthenticationPrincipal Viewer viewer, @PathVariable String ticket, Model model, HttpSession session) {
        var at = session.getAttribute(DOOR);
        model.addAttribute("check", door.open(viewer, ticket, at instanceof Long id ? id : null));
        return "event/door";
    }

    /** The personal calendar feed behind its secret: no sign-in, since calendar apps have none. */
    @GetMapping("/calendar/{token}.ics")
    void feed(@PathVariable String token, HttpServletResponse response) throws java.io.IOException {
        CalendarFiles.write(response, calendar.feed(token), "shequn.ics");
    }

    @PostMapping("/calendar-feed")
    String regenerateFeed(@AuthenticationPrincipal Viewer viewer, @RequestParam String from, RedirectAttributes redirect) {
        calendar.regenerate(viewer);
        Flash.ok(redirect, "event.flash.feed");
        return "redirect:" + back(from);
    }

    @PostMapping("/calendar-feed/revoke")
    String revokeFeed(@AuthenticationPrincipal Viewer viewer, @RequestParam String from, RedirectAttributes redirect) {
        calendar.revoke(viewer);
        Flash.ok(redirect, "event.flash.feedRevoked");
        return "redirect:" + back(from);
    }

    /** Back to a page of this site only (never an address someone put in the form). */
    private static String back(String from) {
        return from != null && from.matches("^/c/[a-z0-9-]+/events$") ? from : "/home";
    }

    private String formAgain(Viewer viewer, String slug, Long id, EventForm form, Rejection rejection, Model model,
                             HttpServletResponse response) {
        return forms.again("event/form", rejection, response, model,
                m -> m.addAttribute("editor", events.editor(viewer, slug, id, form.typed())));
    }
}
