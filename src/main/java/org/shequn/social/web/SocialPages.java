package org.shequn.social.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.social.Blocking;
import org.shequn.social.Connections;
import org.shequn.social.Following;
import org.shequn.social.People;
import org.shequn.social.view.PeopleList;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The social box that a person's page loads into {@code <div id="social">}, its buttons, and the
 * viewer's own lists. Each button is a form that htmx posts and swaps in place; without JavaScript the
 * same form posts normally and we redirect back to the person's page.
 */
@Controller
class SocialPages {

    private final Following following;
    private final Blocking blocking;
    private final Connections connections;
    private final People people;

    SocialPages(Following following, Blocking blocking, Connections connections, People people) {
        this.following = following;
        this.blocking = blocking;
        this.connections = connections;
        this.people = people;
    }

    @GetMapping("/people/{id}/social")
    String panel(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, Model model) {
        people.requireExists(id);
        model.addAttribute("panel", connections.panel(viewer, id, null));
        return "social/panel";
    }

    @PostMapping("/people/{id}/follow")
    String follow(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  @RequestParam(required = false) String next, Model model) {
        return act(viewer, id, htmx != null, next, model, me -> following.follow(me, id));
    }

    @PostMapping("/people/{id}/unfollow")
    String unfollow(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                    @RequestHeader(name = "HX-Request", required = false) String htmx,
                    @RequestParam(required = false) String next, Model model) {
        return act(viewer, id, htmx != null, next, model, me -> following.unfollow(me, id));
    }

    @PostMapping("/people/{id}/block")
    String block(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                 @RequestHeader(name = "HX-Request", required = false) String htmx,
                 @RequestParam(required = false) String next, Model model) {
        return act(viewer, id, htmx != null, next, model, me -> blocking.block(me, id));
    }

    @PostMapping("/people/{id}/unblock")
    String unblock(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                   @RequestHeader(name = "HX-Request", required = false) String htmx,
                   @RequestParam(required = false) String next, Model model) {
        return act(viewer, id, htmx != null, next, model, me -> blocking.unblock(me, id));
    }

    @GetMapping("/me/friends")
    String friends(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor, Model model) {
        return list("friends", viewer, cursor, model);
    }

    @GetMapping("/me/followers")
    String followers(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor, Model model) {
        return list("followers", viewer, cursor, model);
    }

    @GetMapping("/me/following")
    String followingList(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor,
                         Model model) {
        return list("following", viewer, cursor, model);
    }

    @GetMapping("/me/blocked")
    String blocked(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor, Model model) {
        return list("blocked", viewer, cursor, model);
    }

    private String list(String kind, Viewer viewer, String cursor, Model model) {
        var me = Viewer.require(viewer).accountId();
        var page = connections.list(kind, me, cursor);
        model.addAttribute("list", new PeopleList(kind, page.items(), page.next()));
        return "social/list";
    }

    /**
     * Runs one button's action. htmx gets the refreshed box (with the refusal's message in it: htmx does
     * not swap 4xx responses); a plain form post is redirected back, and a refusal shows the error page.
     */
    private String act(Viewer viewer, long id, boolean htmx, String next, Model model, LongConsumer action) {
        if (viewer == null) {
            if (htmx) {
                // The session ended while the page was open: show the signed-out box with its sign-in link.
                people.requireExists(id);
                model.addAttribute("panel", connections.panel(null, id, null));
                return "social/panel";
            }
            return "redirect:/login?next=" + URLEncoder.encode("/people/" + id, StandardCharsets.UTF_8);
        }
        String error = null;
        try {
            action.accept(viewer.accountId());
        } catch (Rejection rejection) {
            if (!htmx || rejection.kind() == ProblemKind.NOT_FOUND) {
                throw rejection;
            }
            error = rejection.fieldProblems().isEmpty() ? rejection.messageKey() : rejection.fieldProblems().getFirst().message();
        }
        if (!htmx) {
            return "redirect:" + (isOwnList(next) ? next : "/people/" + id);
        }
        model.addAttribute("panel", connections.panel(viewer, id, error));
        return "social/panel";
    }

    /** Only our own list pages may be a return target, never an arbitrary (possibly external) URL. */
    private static boolean isOwnList(String next) {
        return next != null && PeopleList.KINDS.stream().anyMatch(kind -> next.equals("/me/" + kind));
    }
}
