package org.shequn.moderation.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.shequn.moderation.view.AuditEntry;
import org.shequn.moderation.view.BannedWord;
import org.shequn.moderation.view.HeldComment;
import org.shequn.moderation.view.MuteView;
import org.shequn.moderation.view.ReportView;
import org.shequn.moderation.Moderation;
import org.shequn.shared.Page;
import org.shequn.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports, hiding, mutes, banned words and the moderation audit over the API. */
@RestController
@RequestMapping("/api/v1/communities/{slug}")
class ModerationApi {

    private final Moderation moderation;

    ModerationApi(Moderation moderation) {
        this.moderation = moderation;
    }

    @PostMapping("/reports")
    ResponseEntity<Map<String, Long>> report(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                             @RequestBody Moderation.ReportDraft body) {
        long id = moderation.report(viewer, slug, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/reports/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/reports")
    Page<ReportView> reports(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                             @RequestParam(required = false) String status, @RequestParam(required = false) String cursor) {
        return moderation.queue(viewer, slug, status, cursor);
    }

    @PostMapping("/reports/{id}/dismiss")
    ResponseEntity<Void> dismiss(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        moderation.dismiss(viewer, slug, id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/posts/{id}/hidden")
    ResponseEntity<Void> hidePost(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        moderation.hidePost(viewer, slug, id, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/posts/{id}/hidden")
    ResponseEntity<Void> showPost(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        moderation.hidePost(viewer, slug, id, false);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/comments/{id}/hidden")
    ResponseEntity<Void> hideComment(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                     @PathVariable long id) {
        moderation.hideComment(viewer, slug, id, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/comments/{id}/hidden")
    ResponseEntity<Void> showComment(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                     @PathVariable long id) {
        moderation.hideComment(viewer, slug, id, false);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/mutes")
    List<MuteView> mutes(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return moderation.mutes(viewer, slug);
    }

    @PutMapping("/mutes/{accountId}")
    MuteView mute(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long accountId,
                  @RequestBody Moderation.MuteDraft body) {
        return moderation.mute(viewer, slug, accountId, body);
    }

    @DeleteMapping("/mutes/{accountId}")
    ResponseEntity<Void> unmute(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                @PathVariable long accountId) {
        moderation.unmute(viewer, slug, accountId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/moderation/words")
    List<BannedWord> words(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return moderation.words(viewer, slug);
    }

    @PutMapping("/moderation/words")
    List<BannedWord> replaceWords(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                  @RequestBody Moderation.WordList body) {
        return moderation.replaceWords(viewer, slug, body);
    }

    @GetMapping("/moderation/held-comments")
    Page<HeldComment> heldComments(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                   @RequestParam(required = false) String cursor) {
        return moderation.heldComments(viewer, slug, cursor);
    }

    @GetMapping("/moderation/audit")
    Page<AuditEntry> audit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                           @RequestParam(required = false) String cursor) {
        return moderation.audit(viewer, slug, cursor);
    }
}
