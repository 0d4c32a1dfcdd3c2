package org.shequn.content;

import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The moderation page of a community (owner and admins) and the report form's target (members). */
@Controller
class ModerationPages {

    record ReportForm(String reason) {
    }

    private final Moderation moderation;
    private final Publishing publishing;

    ModerationPages(Moderation moderation, Publishing publishing) {
        this.moderation = moderation;
        this.publishing = publishing;
    }

    @GetMapping("/c/{slug}/moderation")
    String page(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("page", moderation.page(viewer, slug));
        return "content/moderation";
    }

    @PostMapping("/c/{slug}/posts/{id}/report")
    String reportPost(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                      ReportForm form) {
        moderation.report(viewer, slug, new Moderation.ReportDraft(id, null, form.reason()));
        return "redirect:/c/" + slug + "/posts/" + id;
    }

    @PostMapping("/c/{slug}/comments/{id}/report")
    String reportComment(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                         ReportForm form) {
        long postId = moderation.reportComment(viewer, slug, id, form.reason());
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

    @PostMapping("/c/{slug}/moderation/posts/{id}/delete")
    String deletePost(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        publishing.delete(viewer, slug, id);
        return "redirect:/c/" + slug + "/moderation";
    }
}
