package org.shequn.community.web;

import java.net.URI;
import org.shequn.community.CommunityCatalog;
import org.shequn.community.CommunitySettings;
import org.shequn.community.CommunityViews;
import org.shequn.community.view.CommunityCard;
import org.shequn.community.view.CommunityView;
import org.shequn.shared.Page;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Communities over the API. */
@RestController
@RequestMapping("/api/v1/communities")
class CommunityApi {

    record Transfer(Long newOwnerId) {
    }

    record Governance(String mode) {
    }

    private final CommunityCatalog catalog;
    private final CommunityViews views;

    CommunityApi(CommunityCatalog catalog, CommunityViews views) {
        this.catalog = catalog;
        this.views = views;
    }

    @PostMapping
    ResponseEntity<CommunityView> create(@AuthenticationPrincipal Viewer viewer, @RequestBody CommunitySettings body) {
        var created = catalog.create(viewer, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + created.slug()))
                .body(views.view(created.slug(), viewer));
    }

    @GetMapping
    Page<CommunityCard> list(@RequestParam(required = false) String theme, @RequestParam(required = false) String q,
                             @RequestParam(required = false) String cursor) {
        if ((theme != null && theme.length() > 30) || (q != null && q.length() > 60)) {
            throw Rejection.invalid("q", "community.search.tooLong");
        }
        return views.listing(theme, q, cursor);
    }

    @GetMapping("/{slug}")
    CommunityView get(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return views.view(slug, viewer);
    }

    @PutMapping("/{slug}")
    CommunityView update(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                         @RequestBody CommunitySettings body) {
        return views.view(catalog.update(viewer, slug, body).slug(), viewer);
    }

    @PostMapping("/{slug}/cover")
    CommunityView cover(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                        @RequestParam(required = false) MultipartFile file) {
        catalog.setCover(viewer, slug, file);
        return views.view(slug, viewer);
    }

    @PostMapping("/{slug}/archive")
    CommunityView archive(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        catalog.archive(viewer, slug);
        return views.view(slug, viewer);
    }

    @PostMapping("/{slug}/restore")
    CommunityView restore(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        catalog.restore(viewer, slug);
        return views.view(slug, viewer);
    }

    /** The owner picks who else runs things: CENTRALIZED, SUBGROUP (leaders run their groups), AUTONOMOUS (core members admit). */
    @PutMapping("/{slug}/governance")
    CommunityView governance(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @RequestBody Governance body) {
        catalog.setGovernance(viewer, slug, body.mode());
        return views.view(slug, viewer);
    }

    @PostMapping("/{slug}/transfer")
    CommunityView transfer(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @RequestBody Transfer body) {
        catalog.transfer(viewer, slug, body.newOwnerId());
        return views.view(slug, viewer);
    }
}
