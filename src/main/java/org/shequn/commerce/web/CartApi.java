package org.shequn.commerce.web;

import java.net.URI;
import org.shequn.commerce.Carts;
import org.shequn.commerce.view.CartView;
import org.shequn.commerce.view.OrderView;
import org.shequn.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cart over the API. Lines are named by the community's slug and the SKU; ordering a group (one community's
 * store, one shop) takes an {@code Idempotency-Key} like any checkout.
 */
@RestController
class CartApi {

    record AddBody(String community, Long skuId, Integer quantity, Long referrer) {
    }

    record QuantityBody(Integer quantity) {
    }

    record OrderBody(String community, Long shopId, String address, Boolean shareTags) {
    }

    private final Carts carts;

    CartApi(Carts carts) {
        this.carts = carts;
    }

    @GetMapping("/api/v1/cart")
    CartView cart(@AuthenticationPrincipal Viewer viewer) {
        return carts.view(viewer);
    }

    @PostMapping("/api/v1/cart/lines")
    CartView add(@AuthenticationPrincipal Viewer viewer, @RequestBody AddBody body) {
        return carts.add(viewer, body.community(), body.skuId(), body.quantity(), body.referrer());
    }

    @PatchMapping("/api/v1/cart/lines/{slug}/{skuId}")
    CartView quantity(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long skuId,
                      @RequestBody QuantityBody body) {
        return carts.setQuantity(viewer, slug, skuId, body.quantity());
    }

    @DeleteMapping("/api/v1/cart/lines/{slug}/{skuId}")
    CartView remove(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long skuId) {
        return carts.remove(viewer, slug, skuId);
    }

    @PostMapping("/api/v1/cart/{slug}/shops/{shopId}/prices")
    CartView acceptPrices(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long shopId) {
        return carts.acceptPrices(viewer, slug, shopId);
    }

    @PostMapping("/api/v1/cart/orders")
    ResponseEntity<OrderView> order(@AuthenticationPrincipal Viewer viewer,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @RequestBody OrderBody body) {
        var order = carts.checkout(viewer, key, body.community(), body.shopId(), body.address(), body.shareTags());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id())).body(order);
    }
}
