package org.shequn.messaging.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shequn.messaging.Acceptance;
import org.shequn.messaging.Conversations;
import org.shequn.messaging.MessageReports;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.shequn.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The pages of private messages: my conversations, one conversation with its form, whom I accept messages from,
 * the navigation's badge and the 私信 button other modules' pages load (profile, directory), so that those
 * modules need not know messaging.
 */
@Controller
class MessagePages {

    record SendForm(String body) {
    }

    record ReportForm(String reason) {
    }

    private final Conversations conversations;
    private final MessageReports reports;
    private final MessageSource messages;

    MessagePages(Conversations conversations, MessageReports reports, MessageSource messages) {
        this.conversations = conversations;
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/messages")
    String index(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", conversations.list(viewer, cursor));
        model.addAttribute("settings", conversations.settings(viewer));
        return "messaging/index";
    }

    /** The list alone, which the page reloads when a message arrives. */
    @GetMapping("/messages/list")
    String list(@AuthenticationPrincipal Viewer viewer, Model model) {
        model.addAttribute("page", conversations.list(viewer, null));
        return "messaging/list";
    }

    @GetMapping(value = "/messages/count", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String count(@AuthenticationPrincipal Viewer viewer) {
        int unread = viewer == null ? 0 : conversations.unread(viewer);
        // always the element, which the live script fills when a message arrives; a class of its own, apart from
        // the notifications' unread-count
        return "<span id=\"messages-badge\" class=\"badge messages-count\"" + (unread == 0 ? " hidden" : "") + ">"
                + (unread > 99 ? "99+" : unread) + "</span>";
    }

    /** A 私信 button when the viewer may write to this person, else nothing. */
    @GetMapping(value = "/messages/to/{accountId}/button")
    String button(@AuthenticationPrincipal Viewer viewer, @PathVariable long accountId, Model model) {
        model.addAttribute("accountId", accountId);
        model.addAttribute("allowed", conversations.mayWrite(viewer, accountId));
        return "messaging/button";
    }

    @GetMapping("/messages/settings")
    String settings(@AuthenticationPrincipal Viewer viewer, Model model) {
        return settingsPage(model, conversations.settings(viewer).accepts().name(), FormErrors.NONE);
    }

    @PostMapping("/messages/settings")
    String saveSettings(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String accepts,
                        HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
                        Model model) {
        try {
            conversations.saveSettings(viewer, new Conversations.SettingsDraft(accepts));
            Flash.ok(redirect, "messaging.flash.settingsSaved");
            return "redirect:/messages/settings";
        } catch (Rejection rejection) {
            if (rejection.kind() != ProblemKind.VALIDATION) {
                throw rejection;
            }
            response.setStatus(rejection.kind().status());
            return settingsPage(model, accepts == null ? "" : accepts, errors(rejection, request));
        }
    }

    @GetMapping("/messages/{accountId}")
    String conversation(@AuthenticationPrincipal Viewer viewer, @PathVariable long accountId,
                        @RequestParam(required = false) String before, Model model) {
        if (viewer != null && viewer.accountId() == accountId) {
            return "redirect:/messages";
        }
        return conversationPage(viewer, accountId, before, "", FormErrors.NONE, model);
    }

    /**
     * A refused text (empty, too long, control characters) comes back on the page with the field's error and what
     * was typed; a refused send (cannot message, too fast) is said in a flash above the conversation.
     */
    @PostMapping("/messages/{accountId}")
    String send(@AuthenticationPrincipal Viewer viewer, @PathVariable long accountId, SendForm form,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Viewer.require(viewer);
        try {
            conversations.send(viewer, accountId, new Conversations.Draft(form.body()));
            return "redirect:/messages/" + accountId + "#compose";
        } catch (Rejection rejection) {
            switch (rejection.kind()) {
                case VALIDATION -> {
                    response.setStatus(rejection.kind().status());
                    return conversationPage(viewer, accountId, null, form.body() == null ? "" : form.body(),
                            errors(rejection, request), model);
                }
                case FORBIDDEN, RATE_LIMITED -> {
                    Flash.warn(redirect, rejection.messageKey(), rejection.args());
                    return "redirect:/messages/" + accountId + "#compose";
                }
                default -> throw rejection;
            }
        }
    }

    /** For the live script: a message that arrived on the open page is read. */
    @PostMapping("/messages/{accountId}/read")
    ResponseEntity<Void> read(@AuthenticationPrincipal Viewer viewer, @PathVariable long accountId) {
        conversations.markRead(viewer, accountId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/messages/{messageId}/report")
    String report(@AuthenticationPrincipal Viewer viewer, @PathVariable long messageId,
                  ReportForm form, RedirectAttributes redirect) {
        long sender = reports.report(viewer, messageId, new MessageReports.ReportDraft(form.reason()));
        Flash.ok(redirect, "messaging.flash.reported");
        return "redirect:/messages/" + sender;
    }

    private String conversationPage(Viewer viewer, long accountId, String before, String draft, FormErrors errors,
                                    Model model) {
        model.addAttribute("conversation", conversations.open(viewer, accountId, before));
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        return "messaging/conversation";
    }

    private String settingsPage(Model model, String accepts, FormErrors errors) {
        model.addAttribute("accepts", accepts);
        model.addAttribute("options", Acceptance.values());
        model.addAttribute("errors", errors);
        return "messaging/settings";
    }

    private FormErrors errors(Rejection rejection, HttpServletRequest request) {
        return FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request));
    }
}
