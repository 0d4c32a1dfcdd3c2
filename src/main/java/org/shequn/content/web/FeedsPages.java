package org.shequn.content.web;

import org.shequn.content.FollowingFeed;
import org.shequn.content.MentionSuggest;
import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The following feed page and the @ autocomplete's fragment (fetched by static/js/mentions.js). */
@Controller
class FeedsPages {

    private final FollowingFeed following;
    private final MentionSuggest suggest;

    FeedsPages(FollowingFeed following, MentionSuggest suggest) {
        this.following = following;
        this.suggest = suggest;
    }

    @GetMapping("/following")
    String following(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", following.page(viewer, cursor));
        return "content/following";
    }

    @GetMapping("/c/{slug}/members/suggest")
    String suggest(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                   @RequestParam(required = false) String q, Model model) {
        model.addAttribute("suggestions", suggest.suggest(viewer, slug, q));
        return "content/suggest";
    }
}
