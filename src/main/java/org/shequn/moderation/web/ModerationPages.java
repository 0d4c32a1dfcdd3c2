package org.shequn.moderation.web;

import org.shequn.moderation.Moderation;
import org.shequn.moderation.WordMode;
import org.shequn.moderation.view.ModerationPage;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The moderation page of a community (owner and admins) and the report form's target (members). */
@Controller
class ModerationPages {

    record ReportForm(String reason) {
    }

    record MuteForm(String hours, String reason) {
    }

    /** One word a line in each box. */
    record WordsForm(String block, String hold) {

        Moderation.WordList list() {
            var words = new java.util.ArrayList<Moderation.WordDraft>();
            lines(block).forEach(w -> words.add(new Moderation.WordDraft(w, WordMode.BLOCK.name())));
            lines(hold).forEach(w -> words.add(new Moderation.WordDraft(w, WordMode.HOLD.name())));
            return new Moderation.WordList(words);
        }

        private static java.util.List<String> lines(String text) {
            return text == null ? java.util.List.of()
                    : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    private final Moderation moderation;

    ModerationPages(Moderation moderation) {
        this.moderation = moderation;
    }

    /** Each long list pages on its own: {@code ?reports=}, {@code ?held=}, {@code ?comments=}, {@code ?audit=}. */
    @GetMapping("/c/{slug}/moderation")
    String page(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                @RequestParam(required = false) String reports, @RequestParam(required = false) String held,
                @RequestParam(required = false) String comments, @RequestParam(required = false) String audit,
                Model model) {
        model.addAttribute("page", moderation.page(viewer, slug, new ModerationPage.Cursors(blankless(reports),
                blankless(held), blankless(comments), blankless(audit))));
        return "moderation/moderation";
    }

    private static String blankless(String cursor) {
        return cursor == null || cursor.isBlank() ? null : cursor;
    }

    @PostMapping("/c/{slug}/posts/{id}/report")
    String reportPost(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                      ReportForm form, RedirectAttributes redirect) {
        moderation.report(viewer, slug, new Moderation.ReportDraft(id, null, form.reason()));
        Flash.ok(redirect, "content.moderation.report.received");
        return "redirect:/c/" + slug + "/posts/" + id;
    }

    @PostMapping("/c/{slug}/comments/{id}/report")
    String reportComment(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                         ReportForm form, RedirectAttributes redirect) {
        long postId = moderation.reportComment(viewer, slug, id, form.reason());
        Flash.ok(redirect, "content.moderation.report.received");
        return "redirect:/c/" + slug + "/posts/" + postId + "#comment-" + id;
    }

    @PostMapping("/c/{slug}/moderation/reports/{id}/dismiss")
    String dismiss(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        moderation.dismiss(viewer, slug, id);
        return "redirect:/c/" + slug + "/moderation";
    }

    @PostMapping("/c/{slug}/moderation/posts/{id}/hide")
    String hidePost(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        moderation.hidePost(viewer, slug, id, true);
        return "redirect:/c/" + slug + "/moderation";
    }

    @PostMapping("/c/{slug}/moderation/posts/{id}/show")
    String showPost(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        moderation.hidePost(viewer, slug, id, false);
        return "redirect:/c/" + slug + "/moderation";
    }

    @PostMapping("/c/{slug}/moderation/comments/{id}/hide")
    String hideComment(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        moderation.hideComment(viewer, slug, id, true);
        return "redirect:/c/" + slug + "/moderation";
    }

    @PostMapping("/c/{slug}/moderation/comments/{id}/show")
    String showComment(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        moderation.hideComment(viewer, slug, id, false);
        return "redirect:/c/" + slug + "/moderation";
    }

    @PostMapping("/c/{slug}/moderation/mutes/{accountId}")
    String mute(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long accountId,
                MuteForm form) {
        Integer hours;
        try {
            hours = form.hours() == null ? null : Integer.valueOf(form.hours().strip());
        } catch (NumberFormatException e) {
            hours = null;
        }
        moderation.mute(viewer, slug, accountId, new Moderation.MuteDraft(hours, form.reason()));
        return "redirect:/c/" + slug + "/moderation";
    }

    @PostMapping("/c/{slug}/moderation/mutes/{accountId}/delete")
    String unmute(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long accountId) {
        moderation.unmute(viewer, slug, accountId);
        return "redirect:/c/" + slug + "/moderation";
    }

    @PostMapping("/c/{slug}/moderation/words")
    String words(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, WordsForm form) {
        moderation.replaceWords(viewer, slug, form.list());
        return "redirect:/c/" + slug + "/moderation";
    }
}
