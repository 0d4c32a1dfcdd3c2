package org.shequn.search.web;

import org.shequn.search.Searching;
import org.shequn.search.view.SearchForm;
import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The search page of a community: a search box, and the results once something was typed. */
@Controller
class SearchPages {

    private final Searching searching;

    SearchPages(Searching searching) {
        this.searching = searching;
    }

    @GetMapping("/c/{slug}/search")
    String search(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, SearchForm form, Model model) {
        model.addAttribute("slug", slug);
        model.addAttribute("form", form);
        model.addAttribute("results", form.q() == null || form.q().isBlank()
                ? searching.blank(viewer, slug) : searching.community(viewer, slug, form));
        return "search/index";
    }
}
