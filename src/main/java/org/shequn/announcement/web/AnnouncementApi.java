package org.shequn.announcement.web;

import java.net.URI;
import java.util.List;
import org.shequn.announcement.AnnouncementDraft;
import org.shequn.announcement.Announcements;
import org.shequn.announcement.Announcing;
import org.shequn.announcement.view.AnnouncementView;
import org.shequn.announcement.view.Receipts;
import org.shequn.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Announcements over the API: members list, read and mark them; the owner and admins publish, see receipts, remind. */
@RestController
@RequestMapping("/api/v1/communities/{slug}/announcements")
class AnnouncementApi {

    private final Announcements announcements;
    private final Announcing announcing;

    AnnouncementApi(Announcements announcements, Announcing announcing) {
        this.announcements = announcements;
        this.announcing = announcing;
    }

    /** Newest first, each with the caller's {@code read} flag; withdrawn ones only for the owner and admins. */
    @GetMapping
    List<AnnouncementView> list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return announcements.list(viewer, slug).items();
    }

    @PostMapping
    ResponseEntity<AnnouncementView> publish(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                             @RequestBody AnnouncementDraft body) {
        var created = announcing.publish(viewer, slug, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/announcements/" + created.id()))
                .body(created);
    }

    /** Reading one here does not mark it read: that is {@code POST .../read}. */
    @GetMapping("/{id}")
    AnnouncementView get(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return announcements.get(viewer, slug, id);
    }

    @PutMapping("/{id}")
    AnnouncementView edit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                          @RequestBody AnnouncementDraft body) {
        return announcing.edit(viewer, slug, id, body);
    }

    /** Withdraws it: off every feed, out of the members' list. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        announcing.withdraw(viewer, slug, id);
        return ResponseEntity.noContent().build();
    }

    /** Marks it read for the caller (again is fine). */
    @PostMapping("/{id}/read")
    ResponseEntity<Void> markRead(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        announcements.markRead(viewer, slug, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/receipts")
    Receipts receipts(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return announcements.receipts(viewer, slug, id);
    }

    /** The one reminder to the members who have not read it; a second one is a 409. */
    @PostMapping("/{id}/reminder")
    Receipts remind(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return announcing.remind(viewer, slug, id);
    }
}
