package org.shequn.commerce.web;

import java.net.URI;
import java.util.List;
import org.shequn.commerce.CommunityStores;
import org.shequn.commerce.Mall;
import org.shequn.commerce.Orders;
import org.shequn.commerce.view.OrderView;
import org.shequn.commerce.view.ProductView;
import org.shequn.commerce.view.StoreItemView;
import org.shequn.commerce.view.StorePage;
import org.shequn.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mall (open to everyone), a community's store (members; its runners add and remove) and its sales (runners). */
@RestController
class MallApi {

    record StoreItemBody(Long productId, String recommendation) {
    }

    private final Mall mall;
    private final CommunityStores stores;
    private final Orders orders;

    MallApi(Mall mall, CommunityStores stores, Orders orders) {
        this.mall = mall;
        this.stores = stores;
        this.orders = orders;
    }

    /** {@code kind}: SHIPPED or VIRTUAL. */
    @GetMapping("/api/v1/mall")
    List<ProductView> mall(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
                           @RequestParam(required = false) String kind) {
        return mall.search(new Mall.Query(q, category, kind));
    }

    @GetMapping("/api/v1/communities/{slug}/store")
    StorePage store(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return stores.page(viewer, slug);
    }

    @PostMapping("/api/v1/communities/{slug}/store")
    ResponseEntity<StoreItemView> add(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                      @RequestBody StoreItemBody body) {
        var item = stores.add(viewer, slug, body == null ? null : body.productId(), body == null ? null : body.recommendation());
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/store/" + item.product().id())).body(item);
    }

    @DeleteMapping("/api/v1/communities/{slug}/store/{productId}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                @PathVariable long productId) {
        stores.remove(viewer, slug, productId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/communities/{slug}/sales")
    List<OrderView> sales(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return orders.sales(viewer, slug);
    }
}
