package org.shequn.commerce.web;

import java.util.UUID;
import org.shequn.commerce.Carts;
import org.shequn.shared.Rejection;
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

/** The cart page: lines grouped by store and shop, quantities, today's prices to confirm, ordering a group. */
@Controller
class CartPages {

    private final Carts carts;

    CartPages(Carts carts) {
        this.carts = carts;
    }

    @GetMapping("/cart")
    String cart(@AuthenticationPrincipal Viewer viewer, Model model) {
        model.addAttribute("cart", carts.view(viewer));
        model.addAttribute("key", "cart-" + UUID.randomUUID());
        return "commerce/cart";
    }

    /** From a store's form: {@code sku} is "skuId:unitPrice" as the store page showed it (the price is retaken). */
    @PostMapping("/cart/lines")
    String add(@AuthenticationPrincipal Viewer viewer, @RequestParam String community, @RequestParam String sku,
               @RequestParam(defaultValue = "1") String quantity, @RequestParam(required = false) Long ref,
               RedirectAttributes redirect) {
        carts.add(viewer, community, number(sku.split(":", 2)[0], "sku"), (int) number(quantity, "quantity"), ref);
        Flash.ok(redirect, "commerce.cart.added");
        return "redirect:/c/" + community + "/store";
    }

    @PostMapping("/cart/{slug}/{skuId}/quantity")
    String quantity(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long skuId,
                    @RequestParam String quantity) {
        carts.setQuantity(viewer, slug, skuId, (int) number(quantity, "quantity"));
        return "redirect:/cart";
    }

    @PostMapping("/cart/{slug}/{skuId}/remove")
    String remove(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long skuId) {
        carts.remove(viewer, slug, skuId);
        return "redirect:/cart";
    }

    @PostMapping("/cart/{slug}/shops/{shopId}/prices")
    String acceptPrices(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long shopId,
                        RedirectAttributes redirect) {
        carts.acceptPrices(viewer, slug, shopId);
        Flash.ok(redirect, "commerce.cart.pricesAccepted");
        return "redirect:/cart";
    }

    @PostMapping("/cart/{slug}/shops/{shopId}/order")
    String order(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long shopId,
                 @RequestParam(required = false) String address, @RequestParam String key,
                 @RequestParam(defaultValue = "false") boolean shareTags, RedirectAttributes redirect) {
        var order = carts.checkout(viewer, key + "-" + shopId, slug, shopId, address, shareTags);
        Flash.ok(redirect, "commerce.order.created");
        return "redirect:/orders/" + order.id();
    }

    private static long number(String typed, String field) {
        try {
            return Long.parseLong(typed.strip());
        } catch (NumberFormatException e) {
            throw Rejection.invalid(field, "problem.wrongType");
        }
    }
}
