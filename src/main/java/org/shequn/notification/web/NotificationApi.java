package org.shequn.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import org.shequn.notification.Inbox;
import org.shequn.notification.Preferences;
import org.shequn.notification.view.NotificationPreferences;
import org.shequn.notification.view.NotificationView;
import org.shequn.shared.Page;
import org.shequn.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * One's own notifications over the API, newest first (keyset pages); the unread count; "mark read" for one
 * or all (204); the per-topic preferences. Served under {@code /api/v1/me/notifications} and, the same,
 * under {@code /api/v1/notifications}.
 */
@RestController
@RequestMapping({"/api/v1/me/notifications", "/api/v1/notifications"})
class NotificationApi {

    record Unread(int unread) {
    }

    private final Inbox inbox;
    private final Preferences preferences;

    NotificationApi(Inbox inbox, Preferences preferences) {
        this.inbox = inbox;
        this.preferences = preferences;
    }

    @GetMapping
    Page<NotificationView> list(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor,
                                HttpServletRequest request) {
        return inbox.page(viewer, cursor, RequestContextUtils.getLocale(request));
    }

    @GetMapping("/unread")
    Unread unread(@AuthenticationPrincipal Viewer viewer) {
        Viewer.require(viewer);
        return new Unread(inbox.unread(viewer));
    }

    @PostMapping("/read")
    ResponseEntity<Void> markAllRead(@AuthenticationPrincipal Viewer viewer) {
        inbox.markAllRead(viewer);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> markRead(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        inbox.markRead(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/preferences")
    NotificationPreferences preferences(@AuthenticationPrincipal Viewer viewer) {
        return preferences.form(viewer);
    }

    /** Also makes the language of this request the language of the member's mail. */
    @PutMapping("/preferences")
    NotificationPreferences savePreferences(@AuthenticationPrincipal Viewer viewer, @RequestBody(required = false) NotificationPreferences form,
                                     HttpServletRequest request) {
        return preferences.save(viewer, form, RequestContextUtils.getLocale(request));
    }
}
