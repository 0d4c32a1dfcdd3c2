package org.shequn.commerce.web;

import java.util.UUID;
import org.shequn.commerce.CommunityStores;
import org.shequn.commerce.Mall;
import org.shequn.commerce.Products;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mall, a product's page (where a runner adds it to a store), and a community's store (where members buy). */
@Controller
class MallPages {

    private final Mall mall;
    private final Products products;
    private final CommunityStores stores;
    private final org.shequn.commerce.Shops shops;
    private final org.shequn.commerce.Carts carts;

    MallPages(Mall mall, Products products, CommunityStores stores, org.shequn.commerce.Shops shops,
              org.shequn.commerce.Carts carts) {
        this.carts = carts;
        this.shops = shops;
        this.mall = mall;
        this.products = products;
        this.stores = stores;
    }

    @GetMapping("/mall")
    String mall(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
                @RequestParam(required = false) String kind, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("categories", mall.categories());
        model.addAttribute("products", mall.search(new Mall.Query(q, category, kind)));
        return "commerce/mall";
    }

    @GetMapping("/mall/products/{id}")
    String product(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, Model model) {
        var product = products.find(viewer, id);
        model.addAttribute("product", product);
        model.addAttribute("stores", stores.runnable(viewer));
        // someone without a shop is no product's merchant (and not refused the page for it)
        model.addAttribute("own", viewer != null && shops.mine(viewer).map(shop -> shop.id() == product.shopId()).orElse(false));
        return "commerce/product";
    }

    @PostMapping("/c/{slug}/store")
    String add(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @RequestParam Long productId,
               @RequestParam(required = false) String recommendation, RedirectAttributes redirect) {
        stores.add(viewer, slug, productId, recommendation);
        Flash.ok(redirect, "commerce.store.added");
        return "redirect:/c/" + slug + "/store";
    }

    /**
     * The product page's "add to my community's store" form names the community in a field: the page's policy allows
     * no inline script to turn it into the path, so the form posts here.
     */
    @PostMapping("/mall/products/{id}/store")
    String addFromProduct(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                          @RequestParam(required = false) String slug, @RequestParam(required = false) String recommendation,
                          RedirectAttributes redirect) {
        if (slug == null || slug.isBlank()) {
            throw org.shequn.shared.Rejection.invalid("slug", "commerce.store.communityRequired");
        }
        return add(viewer, slug.strip(), id, recommendation, redirect);
    }

    @PostMapping("/c/{slug}/store/{productId}/remove")
    String remove(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long productId,
                  RedirectAttributes redirect) {
        stores.remove(viewer, slug, productId);
        Flash.ok(redirect, "commerce.store.removed");
        return "redirect:/c/" + slug + "/store";
    }

    /** {@code ref}: the member whose share link brought the buyer, carried into the order form. */
    @GetMapping("/c/{slug}/store")
    String store(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                 @RequestParam(required = false) Long ref, Model model) {
        model.addAttribute("store", stores.page(viewer, slug));
        model.addAttribute("ref", ref);
        model.addAttribute("me", viewer.accountId());
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("inCart", carts.count(viewer));
        return "commerce/store";
    }
}
