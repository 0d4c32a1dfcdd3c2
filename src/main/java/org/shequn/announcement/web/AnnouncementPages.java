package org.shequn.announcement.web;

import jakarta.servlet.http.HttpServletResponse;
import org.shequn.announcement.AnnouncementDraft;
import org.shequn.announcement.Announcements;
import org.shequn.announcement.Announcing;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.shequn.shared.web.FormErrors;
import org.shequn.shared.web.FormPages;
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

/** The announcements list, one announcement with its receipts, the publish and edit form, marking and reminding. */
@Controller
class AnnouncementPages {

    /** The form's fields, as text, judged by the use case. */
    record AnnouncementForm(String title, String body) {

        AnnouncementDraft draft() {
            return new AnnouncementDraft(title, body);
        }
    }

    private final Announcements announcements;
    private final Announcing announcing;
    private final FormPages forms;

    AnnouncementPages(Announcements announcements, Announcing announcing, FormPages forms) {
        this.announcements = announcements;
        this.announcing = announcing;
        this.forms = forms;
    }

    @GetMapping("/c/{slug}/announcements")
    String list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("list", announcements.list(viewer, slug));
        return "announcement/list";
    }

    @GetMapping("/c/{slug}/announcements/new")
    String newForm(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("editor", announcements.editor(viewer, slug));
        model.addAttribute("errors", FormErrors.NONE);
        return "announcement/form";
    }

    @PostMapping("/c/{slug}/announcements")
    String publish(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, AnnouncementForm form, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        try {
            long id = announcing.publish(viewer, slug, form.draft()).id();
            Flash.ok(redirect, "announcement.published");
            return "redirect:/c/" + slug + "/announcements/" + id;
        } catch (Rejection rejection) {
            return formAgain(viewer, slug, null, form, rejection, model, response);
        }
    }

    /** Opening it is reading it; the owner and admins see its receipts here. */
    @GetMapping("/c/{slug}/announcements/{id}")
    String show(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model) {
        model.addAttribute("page", announcements.open(viewer, slug, id));
        return "announcement/show";
    }

    @GetMapping("/c/{slug}/announcements/{id}/edit")
    String editForm(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model) {
        model.addAttribute("editor", announcements.editor(viewer, slug, id));
        model.addAttribute("errors", FormErrors.NONE);
        return "announcement/form";
    }

    @PostMapping("/c/{slug}/announcements/{id}/edit")
    String edit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                AnnouncementForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            announcing.edit(viewer, slug, id, form.draft());
            Flash.ok(redirect, "announcement.saved");
            return "redirect:/c/" + slug + "/announcements/" + id;
        } catch (Rejection rejection) {
            return formAgain(viewer, slug, id, form, rejection, model, response);
        }
    }

    @PostMapping("/c/{slug}/announcements/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                    RedirectAttributes redirect) {
        announcing.withdraw(viewer, slug, id);
        Flash.ok(redirect, "announcement.withdrawnDone");
        return "redirect:/c/" + slug + "/announcements";
    }

    /** 我知道了 with htmx: an empty answer, and the page drops the announcement (hx-swap="delete"). */
    @PostMapping(value = "/c/{slug}/announcements/{id}/read", headers = "HX-Request")
    @ResponseBody
    ResponseEntity<Void> markReadInPlace(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                         @PathVariable long id) {
        announcements.markRead(viewer, slug, id);
        return ResponseEntity.ok().build();
    }

    /** 我知道了 as a plain form: back to where the button was ({@code from}: the feed, else the list). */
    @PostMapping("/c/{slug}/announcements/{id}/read")
    String markRead(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                    @RequestParam(required = false) String from, RedirectAttributes redirect) {
        announcements.markRead(viewer, slug, id);
        Flash.ok(redirect, "announcement.marked");
        return "redirect:/c/" + slug + ("feed".equals(from) ? "/posts" : "/announcements");
    }

    /** The one reminder; a second one (another admin was quicker) says so on the page rather than as an error. */
    @PostMapping("/c/{slug}/announcements/{id}/reminder")
    String remind(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  RedirectAttributes redirect) {
        try {
            var receipts = announcing.remind(viewer, slug, id);
            Flash.ok(redirect, "announcement.reminded", receipts.unreadCount());
        } catch (Rejection rejection) {
            if (rejection.kind() != ProblemKind.CONFLICT || "community.archived".equals(rejection.messageKey())) {
                throw rejection;
            }
            Flash.warn(redirect, rejection.messageKey());
        }
        return "redirect:/c/" + slug + "/announcements/" + id + "#receipts";
    }

    private String formAgain(Viewer viewer, String slug, Long id, AnnouncementForm form, Rejection rejection,
                             Model model, HttpServletResponse response) {
        return forms.again("announcement/form", rejection, response, model,
                m -> m.addAttribute("editor", announcements.editor(viewer, slug, id, form.draft())));
    }
}
