package org.shequn.content.web;

import org.shequn.content.FollowingFeed;
import org.shequn.content.MentionSuggest;
import java.util.List;
import org.shequn.content.view.FollowingPage;
import org.shequn.content.view.MentionSuggestion;
import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The following feed and the @ autocomplete over the API (hot and tag filters are views of /posts). */
@RestController
class FeedsApi {

    private final FollowingFeed following;
    private final MentionSuggest suggest;

    FeedsApi(FollowingFeed following, MentionSuggest suggest) {
        this.following = following;
        this.suggest = suggest;
    }

    @GetMapping("/api/v1/feeds/following")
    FollowingPage following(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor) {
        return following.page(viewer, cursor);
    }

    @GetMapping("/api/v1/communities/{slug}/members/suggest")
    List<MentionSuggestion> suggest(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                    @RequestParam(required = false) String q) {
        return suggest.suggest(viewer, slug, q);
    }
}
