package org.shequn.messaging.web;

import org.shequn.messaging.MessageReports;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The platform operators' queue of reported private messages. */
@Controller
class MessageReportPages {

    private final MessageReports reports;

    MessageReportPages(MessageReports reports) {
        this.reports = reports;
    }

    @GetMapping("/operator/message-reports")
    String queue(@AuthenticationPrincipal Viewer viewer, Model model) {
        model.addAttribute("reports", reports.queue(viewer));
        return "messaging/reports";
    }

    @PostMapping("/operator/message-reports/{id}/dismiss")
    String dismiss(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        reports.dismiss(viewer, id);
        Flash.ok(redirect, "messaging.flash.reportDismissed");
        return "redirect:/operator/message-reports";
    }

    @PostMapping("/operator/message-reports/{id}/remove")
    String remove(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        reports.remove(viewer, id);
        Flash.warn(redirect, "messaging.flash.messageRemoved");
        return "redirect:/operator/message-reports";
    }
}
