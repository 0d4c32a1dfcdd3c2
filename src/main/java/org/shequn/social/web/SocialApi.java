package org.shequn.social.web;

import java.util.List;
import org.shequn.shared.Page;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.social.Blocking;
import org.shequn.social.Connections;
import org.shequn.social.Following;
import org.shequn.social.People;
import org.shequn.social.view.PersonLink;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The social graph over the API: follow and block are idempotent PUT / DELETE of a relation. */
@RestController
@RequestMapping("/api/v1")
class SocialApi {

    /** A person's counts; {@code relation} only for a signed-in viewer looking at someone else. */
    record SocialView(long id, long followers, long following, long friends, RelationView relation) {
    }

    record RelationView(boolean following, boolean followedBy, boolean friends, boolean blocked) {
    }

    record MutualFriends(List<PersonLink> items) {
    }

    private static final int MAX_MUTUAL_FRIENDS = 100;

    private final Following following;
    private final Blocking blocking;
    private final Connections connections;
    private final People people;

    SocialApi(Following following, Blocking blocking, Connections connections, People people) {
        this.following = following;
        this.blocking = blocking;
        this.connections = connections;
        this.people = people;
    }

    @PutMapping("/people/{id}/follow")
    ResponseEntity<Void> follow(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        following.follow(Viewer.require(viewer).accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/people/{id}/follow")
    ResponseEntity<Void> unfollow(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        following.unfollow(Viewer.require(viewer).accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/people/{id}/block")
    ResponseEntity<Void> block(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        blocking.block(Viewer.require(viewer).accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/people/{id}/block")
    ResponseEntity<Void> unblock(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        blocking.unblock(Viewer.require(viewer).accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me/friends")
    Page<PersonLink> friends(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor) {
        return connections.list("friends", Viewer.require(viewer).accountId(), cursor);
    }

    @GetMapping("/me/followers")
    Page<PersonLink> followers(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor) {
        return connections.list("followers", Viewer.require(viewer).accountId(), cursor);
    }

    @GetMapping("/me/following")
    Page<PersonLink> followingList(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor) {
        return connections.list("following", Viewer.require(viewer).accountId(), cursor);
    }

    @GetMapping("/me/blocks")
    Page<PersonLink> blocks(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor) {
        return connections.list("blocked", Viewer.require(viewer).accountId(), cursor);
    }

    @GetMapping("/people/{id}/mutual-friends")
    MutualFriends mutualFriends(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                         @RequestParam(defaultValue = "20") int limit) {
        var me = Viewer.require(viewer).accountId();
        if (limit < 1 || limit > MAX_MUTUAL_FRIENDS) {
            throw Rejection.invalid("limit", "social.limit.range", 1, MAX_MUTUAL_FRIENDS);
        }
        people.requireExists(id);
        return new MutualFriends(connections.mutualFriendLinks(me, id, limit));
    }

    @GetMapping("/people/{id}/social")
    SocialView social(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        people.requireExists(id);
        var counts = connections.counts(id);
        RelationView relation = null;
        if (viewer != null && viewer.accountId() != id) {
            var r = connections.relation(viewer.accountId(), id);
            relation = new RelationView(r.following(), r.followedBy(), r.friends(), r.blocked());
        }
        return new SocialView(id, counts.followers(), counts.following(), counts.friends(), relation);
    }
}
