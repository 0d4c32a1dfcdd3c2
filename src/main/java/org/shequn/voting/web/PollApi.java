package org.shequn.voting.web;

import java.net.URI;
import java.util.List;
import org.shequn.shared.Viewer;
import org.shequn.voting.PollDraft;
import org.shequn.voting.Polls;
import org.shequn.voting.view.PollView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Polls over the API: members list, read and vote; runners open and close them (a sub-group's poll: its leader too,
 * by sub-group); a sub-group's own list.
 */
@RestController
@RequestMapping("/api/v1/communities/{slug}")
class PollApi {

    /** A vote: the chosen options' ids. */
    record VoteBody(List<Long> options) {
    }

    private final Polls polls;

    PollApi(Polls polls) {
        this.polls = polls;
    }

    /** Newest first, without options or counts (read one for those). */
    @GetMapping("/polls")
    List<PollView> list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return polls.list(viewer, slug).items();
    }

    @PostMapping("/polls")
    ResponseEntity<PollView> open(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                  @RequestBody PollDraft body) {
        var created = polls.open(viewer, slug, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/polls/" + created.id())).body(created);
    }

    @GetMapping("/polls/{id}")
    PollView get(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return polls.get(viewer, slug, id);
    }

    /** The caller's one vote; a second is a 409, as is one after the deadline. */
    @PostMapping("/polls/{id}/votes")
    PollView vote(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  @RequestBody VoteBody body) {
        return polls.vote(viewer, slug, id, body == null ? null : body.options());
    }

    /** Closes it before its deadline. */
    @PostMapping("/polls/{id}/close")
    PollView close(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return polls.close(viewer, slug, id);
    }

    /** A sub-group's polls, newest first: its members and the runners see them (404 for anyone else). */
    @GetMapping("/subgroups/{id}/polls")
    List<PollView> ofGroup(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return polls.ofGroup(viewer, slug, id);
    }
}
