package org.shequn.insight.web;

import java.util.List;
import org.shequn.insight.ShopInsight;
import org.shequn.insight.StoreMatches;
import org.shequn.insight.view.Insight;
import org.shequn.insight.view.ProductMatch;
import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What a merchant learns about their shop and products, and a community's runners' mirror view. */
@RestController
class InsightApi {

    private final ShopInsight insight;
    private final StoreMatches matches;

    InsightApi(ShopInsight insight, StoreMatches matches) {
        this.insight = insight;
        this.matches = matches;
    }

    @GetMapping("/api/v1/shops/mine/insight")
    Insight shop(@AuthenticationPrincipal Viewer viewer) {
        return insight.shop(viewer);
    }

    @GetMapping("/api/v1/shops/mine/products/{id}/insight")
    Insight product(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return insight.product(viewer, id);
    }

    @GetMapping("/api/v1/communities/{slug}/product-matches")
    List<ProductMatch> matches(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return matches.matches(viewer, slug);
    }
}
