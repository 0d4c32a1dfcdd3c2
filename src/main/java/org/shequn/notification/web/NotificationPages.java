package org.shequn.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.shequn.notification.Inbox;
import org.shequn.notification.Mails;
import org.shequn.notification.Preferences;
import org.shequn.notification.Topic;
import org.shequn.notification.view.NotificationDay;
import org.shequn.notification.view.NotificationPreferences;
import org.shequn.notification.view.NotificationView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The inbox page, "mark read" (one, all), opening a notification, the preferences form, and the unread badge. */
@Controller
class NotificationPages {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Inbox inbox;
    private final Preferences preferences;
    private final Mails mails;
    private final MessageSource messages;
    private final Clock clock;

    NotificationPages(Inbox inbox, Preferences preferences, Mails mails, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.preferences = preferences;
        this.mails = mails;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    String inbox(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor, Model model,
                 HttpServletRequest request) {
        var locale = RequestContextUtils.getLocale(request);
        var page = inbox.page(viewer, cursor, locale);
        model.addAttribute("page", page);
        model.addAttribute("days", days(page.items(), locale));
        model.addAttribute("unread", inbox.unread(viewer));
        return "notification/inbox";
    }

    @PostMapping("/notifications/read")
    String markAllRead(@AuthenticationPrincipal Viewer viewer) {
        inbox.markAllRead(viewer);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        inbox.markRead(viewer, id);
        return "redirect:/notifications";
    }

    /**
     * Following a notification's link reads it. A GET that changes state, on purpose: all another site could
     * make someone do with it is mark their own notification read. The target comes from the stored row.
     */
    @GetMapping("/notifications/{id}/open")
    String open(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return "redirect:" + inbox.open(viewer, id);
    }

    @GetMapping("/notifications/settings")
    String settings(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String saved, Model model) {
        return settingsPage(model, preferences.form(viewer), FormErrors.NONE, saved != null);
    }

    /** Checkboxes: {@code inApp} and {@code email} list the topics switched on; {@code digest} is present when on. */
    @PostMapping("/notifications/settings")
    String saveSettings(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) List<String> inApp,
                        @RequestParam(required = false) List<String> email, @RequestParam(required = false) String digest,
                        Model model, HttpServletRequest request, HttpServletResponse response) {
        var on = inApp == null ? List.<String>of() : inApp;
        var mail = email == null ? List.<String>of() : email;
        var form = new NotificationPreferences(Arrays.stream(Topic.values())
                .map(t -> new NotificationPreferences.TopicChoice(t.name(), on.contains(t.name()), mail.contains(t.name()))).toList(),
                digest != null, null);
        try {
            preferences.save(viewer, form, RequestContextUtils.getLocale(request));
            return "redirect:/notifications/settings?saved";
        } catch (Rejection rejection) {
            response.setStatus(rejection.kind().status());
            return settingsPage(model, form, FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)), false);
        }
    }

    /** A tiny fragment: the unread count as a badge, or nothing. Only digits, so nothing to escape. */
    @GetMapping(value = "/notifications/count", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String count(@AuthenticationPrincipal Viewer viewer) {
        int unread = inbox.unread(viewer);
        return unread == 0 ? "" : "<span class=\"badge unread-count\">" + (unread > 99 ? "99+" : unread) + "</span>";
    }

    /** Consecutive notifications of one day (China time, like every time on the pages) under one heading. */
    private List<NotificationDay> days(List<NotificationView> items, Locale locale) {
        var today = LocalDate.ofInstant(clock.instant(), ZONE);
        var days = new LinkedHashMap<LocalDate, List<NotificationView>>();
        for (var n : items) {
            days.computeIfAbsent(n.createdAt().atZoneSameInstant(ZONE).toLocalDate(), d -> new ArrayList<>()).add(n);
        }
        return days.entrySet().stream().map(e -> new NotificationDay(
                e.getKey().equals(today) ? messages.getMessage("notification.today", null, locale)
                        : e.getKey().equals(today.minusDays(1)) ? messages.getMessage("notification.yesterday", null, locale)
                        : e.getKey().toString(), e.getValue())).toList();
    }

    private String settingsPage(Model model, NotificationPreferences form, FormErrors errors, boolean saved) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("mailEnabled", mails.enabled());
        return "notification/settings";
    }
}
