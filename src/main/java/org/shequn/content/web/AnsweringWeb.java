package org.shequn.content.web;

import org.shequn.content.Answering;
import org.shequn.content.ContentReader;
import org.shequn.content.view.PostView;
import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Accepting an answer to a question, by its asker: {@code PUT /api/v1/communities/{slug}/posts/{id}/accepted-answer}
 * with {@code {"commentId": n}} (accepts or changes), {@code DELETE} the same path to undo; both answer the post.
 * The page posts a form to {@code /c/{slug}/posts/{id}/accepted-answer} (an empty commentId undoes).
 */
@Controller
class AnsweringWeb {

    record Acceptance(Long commentId) {
    }

    private final Answering answering;
    private final ContentReader reader;

    AnsweringWeb(Answering answering, ContentReader reader) {
        this.answering = answering;
        this.reader = reader;
    }

    @PutMapping("/api/v1/communities/{slug}/posts/{id}/accepted-answer")
    @ResponseBody
    PostView accept(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                    @RequestBody Acceptance body) {
        answering.accept(viewer, slug, id, body == null ? null : body.commentId());
        return reader.post(viewer, slug, id);
    }

    @DeleteMapping("/api/v1/communities/{slug}/posts/{id}/accepted-answer")
    @ResponseBody
    PostView undo(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        answering.undo(viewer, slug, id);
        return reader.post(viewer, slug, id);
    }

    @PostMapping("/c/{slug}/posts/{id}/accepted-answer")
    String acceptOnPage(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                        @RequestParam(required = false) Long commentId) {
        if (commentId == null) {
            answering.undo(viewer, slug, id);
            return "redirect:/c/" + slug + "/posts/" + id + "#comments";
        }
        answering.accept(viewer, slug, id, commentId);
        return "redirect:/c/" + slug + "/posts/" + id + "#comment-" + commentId;
    }
}
