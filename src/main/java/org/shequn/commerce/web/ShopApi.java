package org.shequn.commerce.web;

import java.net.URI;
import java.util.List;
import org.shequn.commerce.Orders;
import org.shequn.commerce.ProductDraft;
import org.shequn.commerce.Products;
import org.shequn.commerce.ShopDraft;
import org.shequn.commerce.Shops;
import org.shequn.commerce.view.OrderView;
import org.shequn.commerce.view.ProductView;
import org.shequn.commerce.view.ShopView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Shops and their products over the API: a verified person opens a shop; its merchant lists and edits products. */
@RestController
class ShopApi {

    private final Shops shops;
    private final Products products;
    private final Orders orders;

    ShopApi(Shops shops, Products products, Orders orders) {
        this.shops = shops;
        this.products = products;
        this.orders = orders;
    }

    @PostMapping("/api/v1/shops")
    ResponseEntity<ShopView> open(@AuthenticationPrincipal Viewer viewer, @RequestBody ShopDraft body) {
        var shop = shops.open(viewer, body);
        return ResponseEntity.created(URI.create("/api/v1/shops/" + shop.id())).body(shop);
    }

    /** The caller's own shop, settlement details included. */
    @GetMapping("/api/v1/shops/mine")
    ShopView mine(@AuthenticationPrincipal Viewer viewer) {
        return shops.ownShop(viewer);
    }

    @PutMapping("/api/v1/shops/mine")
    ShopView edit(@AuthenticationPrincipal Viewer viewer, @RequestBody ShopDraft body) {
        return shops.edit(viewer, body);
    }

    @GetMapping("/api/v1/shops/{id}")
    ShopView shop(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return shops.find(viewer, id);
    }

    @GetMapping("/api/v1/shops/mine/products")
    List<ProductView> myProducts(@AuthenticationPrincipal Viewer viewer) {
        return products.mine(viewer);
    }

    @PostMapping("/api/v1/shops/mine/products")
    ResponseEntity<ProductView> create(@AuthenticationPrincipal Viewer viewer, @RequestBody ProductDraft body) {
        var product = products.create(viewer, body);
        return ResponseEntity.created(URI.create("/api/v1/products/" + product.id())).body(product);
    }

    /** The orders placed with the caller's shop, newest first. */
    @GetMapping("/api/v1/shops/mine/orders")
    List<OrderView> orders(@AuthenticationPrincipal Viewer viewer) {
        return orders.shopOrders(viewer);
    }

    /** The product's picture, as multipart {@code file}; only its merchant. */
    @PostMapping(value = "/api/v1/products/{id}/image", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    ProductView image(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                      @org.springframework.web.bind.annotation.RequestParam(required = false) org.springframework.web.multipart.MultipartFile file) {
        return products.setImage(viewer, id, file);
    }

    @GetMapping("/api/v1/products/{id}")
    ProductView product(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return products.find(viewer, id);
    }

    @PutMapping("/api/v1/products/{id}")
    ProductView edit(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, @RequestBody ProductDraft body) {
        if (body == null) {
            throw Rejection.invalid("title", "validation.required");
        }
        return products.edit(viewer, id, body);
    }
}
