package org.shequn.voting.web;

import java.net.URI;
import java.util.List;
import org.shequn.shared.Viewer;
import org.shequn.voting.ElectionDraft;
import org.shequn.voting.Elections;
import org.shequn.voting.Nomination;
import org.shequn.voting.view.BallotReceipt;
import org.shequn.voting.view.ElectionView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Elections over the API: the owner opens one; members nominate and accept during nomination, vote once during
 * voting (the answer is the receipt code, given this once), and read the published count.
 */
@RestController
@RequestMapping("/api/v1/communities/{slug}")
class ElectionApi {

    /** An approval ballot: the candidates' ids (candidate ids, not account ids). */
    record BallotBody(List<Long> candidates) {
    }

    /** Accepting a nomination, optionally with one's own statement. */
    record AcceptBody(String statement) {
    }

    private final Elections elections;

    ElectionApi(Elections elections) {
        this.elections = elections;
    }

    @GetMapping("/elections")
    List<ElectionView> list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return elections.list(viewer, slug).items();
    }

    @PostMapping("/elections")
    ResponseEntity<ElectionView> open(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                      @RequestBody ElectionDraft body) {
        var created = elections.open(viewer, slug, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/elections/" + created.id()))
                .body(created);
    }

    /** The election in its phase; once voting has closed, with the result (rounds and every ballot). */
    @GetMapping("/elections/{id}")
    ElectionView get(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return elections.get(viewer, slug, id);
    }

    /** Nominates the caller ({@code accountId} left out) or another member, with a statement. */
    @PostMapping("/elections/{id}/candidates")
    ResponseEntity<ElectionView> nominate(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                          @PathVariable long id, @RequestBody Nomination body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(elections.nominate(viewer, slug, id, body));
    }

    /** The nominee agrees to stand. */
    @PostMapping("/elections/{id}/candidates/{candidateId}/acceptance")
    ElectionView accept(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                        @PathVariable long candidateId, @RequestBody(required = false) AcceptBody body) {
        return elections.accept(viewer, slug, id, candidateId, body == null ? null : body.statement());
    }

    /** The caller's one ballot; the answer's receipt code is not shown again. */
    @PostMapping("/elections/{id}/ballots")
    ResponseEntity<BallotReceipt> vote(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                       @PathVariable long id, @RequestBody BallotBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(elections.vote(viewer, slug, id, body == null ? null : body.candidates()));
    }

    /** A sub-group's leader elections (选举组长), newest first: its members and the runners (404 for anyone else). */
    @GetMapping("/subgroups/{id}/elections")
    List<ElectionView> ofGroup(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return elections.ofGroup(viewer, slug, id);
    }
}
