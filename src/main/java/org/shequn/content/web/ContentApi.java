package org.shequn.content.web;

import org.shequn.content.Commenting;
import org.shequn.content.ContentReader;
import org.shequn.content.Curation;
import org.shequn.content.PostDraft;
import org.shequn.content.Publishing;
import org.shequn.content.SectionCatalog;
import org.shequn.content.SectionDraft;
import java.net.URI;
import java.util.List;
import org.shequn.content.view.FeedPage;
import org.shequn.content.view.PostHistory;
import org.shequn.content.view.PostView;
import org.shequn.content.view.SectionView;
import org.shequn.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sections, posts, comments and curation over the API, all inside one community. */
@RestController
@RequestMapping("/api/v1/communities/{slug}")
class ContentApi {

    record SectionOrder(List<Long> ids) {
    }

    private final SectionCatalog sectionCatalog;
    private final Publishing publishing;
    private final Commenting commenting;
    private final Curation curation;
    private final ContentReader reader;

    ContentApi(SectionCatalog sectionCatalog, Publishing publishing, Commenting commenting, Curation curation,
               ContentReader reader) {
        this.sectionCatalog = sectionCatalog;
        this.publishing = publishing;
        this.commenting = commenting;
        this.curation = curation;
        this.reader = reader;
    }

    @GetMapping("/sections")
    List<SectionView> sections(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return reader.sections(viewer, slug);
    }

    @PostMapping("/sections")
    ResponseEntity<SectionView> createSection(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                              @RequestBody SectionDraft body) {
        var created = sectionCatalog.create(viewer, slug, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/sections/" + created.id()))
                .body(ContentReader.view(created));
    }

    @PutMapping("/sections/{id}")
    SectionView updateSection(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                              @RequestBody SectionDraft body) {
        return ContentReader.view(sectionCatalog.update(viewer, slug, id, body));
    }

    /** Archives: the section's posts stay readable, it takes no new ones. */
    @DeleteMapping("/sections/{id}")
    ResponseEntity<Void> archiveSection(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                        @PathVariable long id) {
        sectionCatalog.archive(viewer, slug, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/sections/{id}/restore")
    ResponseEntity<Void> restoreSection(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                        @PathVariable long id) {
        sectionCatalog.restore(viewer, slug, id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/sections/order")
    ResponseEntity<Void> reorder(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                 @RequestBody SectionOrder body) {
        sectionCatalog.reorder(viewer, slug, body.ids());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/posts")
    FeedPage feed(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                  @RequestParam(required = false) Long section, @RequestParam(required = false) String view,
                  @RequestParam(required = false) String tag, @RequestParam(required = false) String cursor) {
        return reader.feed(viewer, slug, section, view, tag, cursor);
    }

    @PostMapping("/posts")
    ResponseEntity<PostView> publish(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                     @RequestBody PostDraft body) {
        long id = publishing.publish(viewer, slug, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/posts/" + id))
                .body(reader.post(viewer, slug, id));
    }

    @GetMapping("/posts/{id}")
    PostView post(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return reader.post(viewer, slug, id);
    }

    @PutMapping("/posts/{id}")
    PostView edit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  @RequestBody PostDraft body) {
        publishing.edit(viewer, slug, id, body);
        return reader.post(viewer, slug, id);
    }

    @DeleteMapping("/posts/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        publishing.delete(viewer, slug, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/posts/{id}/history")
    PostHistory history(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return reader.history(viewer, slug, id);
    }

    /**
     * Answers with the post as it now reads, comments included, unless the client sends
     * {@code Prefer: return=minimal} (RFC 7240): then only the new comment's id, in {@code X-Comment-Id}.
     */
    @PostMapping("/posts/{id}/comments")
    ResponseEntity<PostView> comment(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                     @PathVariable long id, @RequestBody Commenting.CommentDraft body,
                                     @RequestHeader(value = "Prefer", required = false) String prefer) {
        long commentId = commenting.add(viewer, slug, id, body);
        var created = ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/comments/" + commentId))
                .header("X-Comment-Id", Long.toString(commentId));
        if (prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("return=minimal")) {
            return created.header("Preference-Applied", "return=minimal").build();
        }
        return created.body(reader.post(viewer, slug, id));
    }

    @DeleteMapping("/comments/{id}")
    ResponseEntity<Void> deleteComment(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                       @PathVariable long id) {
        commenting.delete(viewer, slug, id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/posts/{id}/pin")
    ResponseEntity<Void> pin(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        curation.pin(viewer, slug, id, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/posts/{id}/pin")
    ResponseEntity<Void> unpin(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        curation.pin(viewer, slug, id, false);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/posts/{id}/featured")
    ResponseEntity<Void> feature(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        curation.feature(viewer, slug, id, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/posts/{id}/featured")
    ResponseEntity<Void> unfeature(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        curation.feature(viewer, slug, id, false);
        return ResponseEntity.noContent().build();
    }
}
