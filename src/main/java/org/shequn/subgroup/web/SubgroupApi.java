package org.shequn.subgroup.web;

import java.net.URI;
import org.shequn.shared.Viewer;
import org.shequn.subgroup.SplitApplication;
import org.shequn.subgroup.SubgroupDraft;
import org.shequn.subgroup.Subgroups;
import org.shequn.subgroup.view.SplitProposal;
import org.shequn.subgroup.view.SubgroupCard;
import org.shequn.subgroup.view.SubgroupPage;
import org.shequn.subgroup.view.SubgroupsPage;
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

/** Sub-groups over the API: list, one with its members, create, edit, delete, members in and out, the split. */
@RestController
@RequestMapping("/api/v1/communities/{slug}/subgroups")
class SubgroupApi {

    record MemberBody(Long accountId) {
    }

    private final Subgroups subgroups;

    SubgroupApi(Subgroups subgroups) {
        this.subgroups = subgroups;
    }

    @GetMapping
    SubgroupsPage list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return subgroups.list(viewer, slug);
    }

    @PostMapping
    ResponseEntity<SubgroupCard> create(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                        @RequestBody SubgroupDraft body) {
        var created = subgroups.create(viewer, slug, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/subgroups/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    SubgroupPage one(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return subgroups.view(viewer, slug, id);
    }

    /** The group's own feed: the posts scoped to it, newest first ({@code cursor} from the last page's {@code next}). */
    @GetMapping("/{id}/posts")
    org.shequn.content.GroupFeed feed(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                           @PathVariable long id, @RequestParam(required = false) String cursor) {
        return subgroups.feed(viewer, slug, id, cursor);
    }

    @PutMapping("/{id}")
    SubgroupCard update(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                        @RequestBody SubgroupDraft body) {
        return subgroups.update(viewer, slug, id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        subgroups.delete(viewer, slug, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/members")
    SubgroupPage add(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                     @RequestBody MemberBody body) {
        return subgroups.add(viewer, slug, id, body.accountId());
    }

    @DeleteMapping("/{id}/members/{accountId}")
    SubgroupPage remove(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                        @PathVariable long accountId) {
        return subgroups.remove(viewer, slug, id, accountId);
    }

    /** A proposal only: nothing is written until it is posted back (adjusted or not). */
    @GetMapping("/split")
    SplitProposal propose(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                          @RequestParam(required = false) Integer size, @RequestParam(required = false) String basis) {
        return subgroups.propose(viewer, slug, size, basis);
    }

    @PostMapping("/split")
    SubgroupsPage apply(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                        @RequestBody SplitApplication body) {
        return subgroups.apply(viewer, slug, body);
    }
}
