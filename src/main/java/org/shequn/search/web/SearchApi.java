package org.shequn.search.web;

import org.shequn.search.Searching;
import org.shequn.search.view.SearchForm;
import org.shequn.search.view.SearchResults;
import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Search over the API: one community, or every community of the signed-in member. */
@RestController
class SearchApi {

    private final Searching searching;

    SearchApi(Searching searching) {
        this.searching = searching;
    }

    @GetMapping("/api/v1/communities/{slug}/search")
    SearchResults community(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, SearchForm form) {
        return searching.community(viewer, slug, form);
    }

    @GetMapping("/api/v1/search")
    SearchResults mine(@AuthenticationPrincipal Viewer viewer, SearchForm form) {
        return searching.mine(viewer, form);
    }
}
