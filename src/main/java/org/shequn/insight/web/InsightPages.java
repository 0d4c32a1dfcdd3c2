package org.shequn.insight.web;

import org.shequn.community.Communities;
import org.shequn.insight.ShopInsight;
import org.shequn.insight.StoreMatches;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The merchant's insight pages under their shop, and the runners' 选品 page in the community's 管理 nav. */
@Controller
class InsightPages {

    private final ShopInsight insight;
    private final StoreMatches matches;
    private final Communities communities;

    InsightPages(ShopInsight insight, StoreMatches matches, Communities communities) {
        this.insight = insight;
        this.matches = matches;
        this.communities = communities;
    }

    @GetMapping("/shop/insight")
    String shop(@AuthenticationPrincipal Viewer viewer, Model model) {
        model.addAttribute("insight", insight.shop(viewer));
        return "insight/shop";
    }

    @GetMapping("/shop/products/{id}/insight")
    String product(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("insight", insight.product(viewer, id));
        return "insight/shop";
    }

    @GetMapping("/c/{slug}/manage/matches")
    String matches(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        var list = matches.matches(viewer, slug);
        var community = communities.findBySlug(slug).orElseThrow(() -> Rejection.notFound("community.notFound"));
        model.addAttribute("community", community);
        model.addAttribute("matches", list);
        return "insight/matches";
    }
}
