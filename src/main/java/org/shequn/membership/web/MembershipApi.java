package org.shequn.membership.web;

import java.net.URI;
import org.shequn.membership.ApplicationAnswers;
import org.shequn.membership.Applying;
import org.shequn.membership.Banning;
import org.shequn.membership.InvitationTerms;
import org.shequn.membership.Inviting;
import org.shequn.membership.Joining;
import org.shequn.membership.MembershipViews;
import org.shequn.membership.Rejecting;
import org.shequn.membership.RoleChange;
import org.shequn.membership.RosterChanges;
import org.shequn.membership.view.ApplicationView;
import org.shequn.membership.view.AuditEntry;
import org.shequn.membership.view.InvitationView;
import org.shequn.membership.view.MyCommunities;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Membership over the API. Status codes: 201 when something is created (membership, application,
 * invitation), 204 for other changes, 400 invalid input (per-field errors), 401 not signed in, 403 not
 * allowed for this person (role, ban, missing verification, wrong entry route), 404 unknown community,
 * application, invitation or member, 409 the community's state forbids it (full, archived, already a
 * member, application pending or already decided, invitation revoked / expired / used up).
 */
@RestController
class MembershipApi {

    record JoinBody(String code) {
    }

    record Joined(String community, String role) {
    }

    record Applied(long id, String status) {
    }

    private static final String BASE = "/api/v1/communities/{slug}";

    private final Joining joining;
    private final Applying applying;
    private final Inviting inviting;
    private final RosterChanges changes;
    private final MembershipViews views;

    MembershipApi(Joining joining, Applying applying, Inviting inviting, RosterChanges changes, MembershipViews views) {
        this.joining = joining;
        this.applying = applying;
        this.inviting = inviting;
        this.changes = changes;
        this.views = views;
    }

    @PostMapping(BASE + "/join")
    ResponseEntity<Joined> join(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                @RequestBody(required = false) JoinBody body) {
        var community = joining.join(viewer, slug, body == null ? null : body.code());
        return ResponseEntity.created(URI.create("/api/v1/communities/" + community.slug()))
                .body(new Joined(community.slug(), "MEMBER"));
    }

    @PostMapping(BASE + "/applications")
    ResponseEntity<Applied> apply(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                  @RequestBody(required = false) ApplicationAnswers body) {
        long id = applying.apply(viewer, slug, body == null ? new ApplicationAnswers(null) : body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/applications/" + id))
                .body(new Applied(id, "PENDING"));
    }

    @GetMapping(BASE + "/applications")
    Page<ApplicationView> applications(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                       @RequestParam(required = false) String status,
                                       @RequestParam(required = false) String cursor) {
        return views.applications(viewer, slug, status, cursor);
    }

    @PostMapping(BASE + "/applications/{id}/approve")
    ResponseEntity<Void> approve(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                 @PathVariable long id) {
        applying.approve(viewer, slug, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(BASE + "/applications/{id}/reject")
    ResponseEntity<Void> reject(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                @PathVariable long id, @RequestBody(required = false) Rejecting body) {
        applying.reject(viewer, slug, id, body == null ? new Rejecting(null) : body);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(BASE + "/applications/mine")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        applying.withdraw(viewer, slug);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(BASE + "/invitations")
    ResponseEntity<InvitationView> invite(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                          @RequestBody(required = false) InvitationTerms body) {
        var created = inviting.create(viewer, slug, body == null ? new InvitationTerms(null, null) : body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/invitations/" + created.id()))
                .body(created);
    }

    @GetMapping(BASE + "/invitations")
    Page<InvitationView> invitations(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return new Page<>(inviting.list(viewer, slug).invitations(), null);
    }

    @DeleteMapping(BASE + "/invitations/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                @PathVariable long id) {
        inviting.revoke(viewer, slug, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(BASE + "/leave")
    ResponseEntity<Void> leave(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        changes.leave(viewer, slug);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(BASE + "/members/{accountId}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                @PathVariable long accountId) {
        changes.remove(viewer, slug, accountId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(BASE + "/members/{accountId}/role")
    ResponseEntity<Void> role(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                              @PathVariable long accountId, @RequestBody(required = false) RoleChange body) {
        changes.changeRole(viewer, slug, accountId, body == null ? new RoleChange(null) : body);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(BASE + "/bans/{accountId}")
    ResponseEntity<Void> ban(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                             @PathVariable long accountId, @RequestBody(required = false) Banning body) {
        changes.ban(viewer, slug, accountId, body == null ? new Banning(null) : body);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(BASE + "/bans/{accountId}")
    ResponseEntity<Void> unban(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                               @PathVariable long accountId) {
        changes.unban(viewer, slug, accountId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(BASE + "/audit")
    Page<AuditEntry> audit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                           @RequestParam(required = false) String cursor) {
        return views.audit(viewer, slug, cursor);
    }

    @GetMapping("/api/v1/me/communities")
    MyCommunities mine(@AuthenticationPrincipal Viewer viewer) {
        return views.mine(viewer);
    }
}
