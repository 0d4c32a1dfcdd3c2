package org.shequn.notification;

import jakarta.servlet.http.HttpServletRequest;
import org.shequn.notification.view.NotificationView;
import org.shequn.shared.Page;
import org.shequn.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** One's own notifications over the API, newest first (keyset pages), and "mark all read" (204). */
@RestController
@RequestMapping("/api/v1/me/notifications")
class NotificationApi {

    record Unread(int unread) {
    }

    private final Inbox inbox;

    NotificationApi(Inbox inbox) {
        this.inbox = inbox;
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
}
