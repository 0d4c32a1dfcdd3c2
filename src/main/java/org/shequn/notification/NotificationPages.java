package org.shequn.notification;

import jakarta.servlet.http.HttpServletRequest;
import org.shequn.shared.Viewer;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The inbox page, "mark all read", and the unread badge the layout loads with htmx. */
@Controller
class NotificationPages {

    private final Inbox inbox;

    NotificationPages(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/notifications")
    String inbox(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor, Model model,
                 HttpServletRequest request) {
        model.addAttribute("page", inbox.page(viewer, cursor, RequestContextUtils.getLocale(request)));
        model.addAttribute("unread", inbox.unread(viewer));
        return "notification/inbox";
    }

    @PostMapping("/notifications/read")
    String markAllRead(@AuthenticationPrincipal Viewer viewer) {
        inbox.markAllRead(viewer);
        return "redirect:/notifications";
    }

    /** A tiny fragment: the unread count as a badge, or nothing. Only digits, so nothing to escape. */
    @GetMapping(value = "/notifications/count", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String count(@AuthenticationPrincipal Viewer viewer) {
        int unread = inbox.unread(viewer);
        return unread == 0 ? "" : "<span class=\"badge unread-count\">" + (unread > 99 ? "99+" : unread) + "</span>";
    }
}
