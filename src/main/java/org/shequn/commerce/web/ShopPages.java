package org.shequn.commerce.web;

import java.util.List;
import org.shequn.commerce.Orders;
import org.shequn.commerce.Products;
import org.shequn.commerce.ShopDraft;
import org.shequn.commerce.Shops;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The merchant's pages: my shop (open it, edit it, its products), the product form, the shop's orders. */
@Controller
class ShopPages {

    private final Shops shops;
    private final Products products;
    private final Orders orders;
    private final org.shequn.commerce.Disputes disputes;

    ShopPages(Shops shops, Products products, Orders orders, org.shequn.commerce.Disputes disputes) {
        this.disputes = disputes;
        this.shops = shops;
        this.products = products;
        this.orders = orders;
    }

    @GetMapping("/shop")
    String shop(@AuthenticationPrincipal Viewer viewer, Model model) {
        var shop = shops.mine(viewer);
        model.addAttribute("shop", shop.orElse(null));
        model.addAttribute("products", shop.isPresent() ? products.mine(viewer) : List.of());
        return "commerce/shop";
    }

    @PostMapping("/shop")
    String save(@AuthenticationPrincipal Viewer viewer, ShopDraft form, RedirectAttributes redirect) {
        if (shops.mine(viewer).isPresent()) {
            shops.edit(viewer, form);
            Flash.ok(redirect, "commerce.shop.saved");
        } else {
            shops.open(viewer, form);
            Flash.ok(redirect, "commerce.shop.opened");
        }
        return "redirect:/shop";
    }

    @GetMapping("/shop/products/new")
    String newProduct(@AuthenticationPrincipal Viewer viewer, Model model) {
        shops.ownShop(viewer);
        model.addAttribute("productId", null);
        model.addAttribute("form", ProductForm.empty());
        return "commerce/product-form";
    }

    @PostMapping("/shop/products")
    String create(@AuthenticationPrincipal Viewer viewer, ProductForm form, RedirectAttributes redirect) {
        long id = products.create(viewer, form.draft(List.of())).id();
        Flash.ok(redirect, "commerce.product.saved");
        return "redirect:/mall/products/" + id;
    }

    @GetMapping("/shop/products/{id}/edit")
    String editProduct(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, Model model) {
        var product = products.find(viewer, id);
        if (product.shopId() != shops.ownShop(viewer).id()) {
            throw org.shequn.shared.Rejection.forbidden("commerce.product.merchantOnly");
        }
        model.addAttribute("productId", id);
        model.addAttribute("form", ProductForm.of(product));
        return "commerce/product-form";
    }

    @PostMapping("/shop/products/{id}")
    String edit(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, ProductForm form, RedirectAttributes redirect) {
        var existing = products.find(viewer, id).skus();
        products.edit(viewer, id, form.draft(existing));
        Flash.ok(redirect, "commerce.product.saved");
        return "redirect:/mall/products/" + id;
    }

    @PostMapping("/shop/products/{id}/image")
    String image(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                 @org.springframework.web.bind.annotation.RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                 RedirectAttributes redirect) {
        products.setImage(viewer, id, file);
        Flash.ok(redirect, "commerce.product.imageSaved");
        return "redirect:/mall/products/" + id;
    }

    @GetMapping("/shop/orders")
    String orders(@AuthenticationPrincipal Viewer viewer, Model model) {
        model.addAttribute("title", "commerce.shopOrders.title");
        model.addAttribute("orders", orders.shopOrders(viewer));
        model.addAttribute("disputes", disputes.ofShopOrders(viewer));
        return "commerce/orders";
    }
}
