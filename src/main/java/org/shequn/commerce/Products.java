package org.shequn.commerce;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shequn.commerce.view.ProductView;
import org.shequn.commerce.view.SkuView;
import org.shequn.search.ChineseTerms;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.shequn.shared.money.Money;
import org.shequn.shared.files.FileStore;
import org.shequn.shared.files.ImageUploads;
import org.shequn.shared.text.Markdown;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merchant's products: listing, editing, publishing. Only the shop's merchant changes its products (403 for
 * anyone else); a draft is seen by its merchant only. Each save re-segments the text the mall searches.
 */
@Service
public class Products {

    /** 1,000,000.00: anything dearer is a typo. */
    static final long MAX_PRICE_MINOR = 100_000_000L;

    private final ProductStore store;
    private final Shops shops;
    private final Validation validation;
    private final Markdown markdown;
    private final ImageUploads images;
    private final Clock clock;

    Products(ProductStore store, Shops shops, Validation validation, Markdown markdown, ImageUploads images, Clock clock) {
        this.images = images;
        this.store = store;
        this.shops = shops;
        this.validation = validation;
        this.markdown = markdown;
        this.clock = clock;
    }

    @Transactional
    public ProductView create(Viewer viewer, ProductDraft draft) {
        var shop = shops.ownShop(viewer);
        var d = check(draft);
        long id = store.insert(shop.id(), d, terms(d), now());
        saveSkus(id, d, true);
        return view(store.byId(id).orElseThrow());
    }

    @Transactional
    public ProductView edit(Viewer viewer, long id, ProductDraft draft) {
        var row = store.byId(id).orElseThrow(() -> Rejection.notFound("commerce.product.notFound"));
        var shop = shops.byId(row.shopId()).orElseThrow();
        if (Viewer.require(viewer).accountId() != shop.merchantAccountId()) {
            throw Rejection.forbidden("commerce.product.merchantOnly");
        }
        var d = check(draft);
        store.update(id, d, terms(d), now());
        saveSkus(id, d, false);
        return view(store.byId(id).orElseThrow());
    }

    /** The product's picture (optional), shrunk and re-encoded; only its merchant sets it. */
    @Transactional
    public ProductView setImage(Viewer viewer, long id, org.springframework.web.multipart.MultipartFile file) {
        var row = store.byId(id).orElseThrow(() -> Rejection.notFound("commerce.product.notFound"));
        if (!merchantOf(Viewer.require(viewer), row)) {
            throw Rejection.forbidden("commerce.product.merchantOnly");
        }
        store.setImage(id, images.store(file, "file", 1600));
        return view(store.byId(id).orElseThrow());
    }

    /** A published product for anyone; a draft only for its merchant (404 for everyone else). */
    public ProductView find(Viewer viewer, long id) {
        var row = store.byId(id).filter(r -> r.published() || merchantOf(viewer, r))
                .orElseThrow(() -> Rejection.notFound("commerce.product.notFound"));
        return view(row);
    }

    /** The viewer's shop's products, drafts included. */
    public List<ProductView> mine(Viewer viewer) {
        return views(store.byShop(shops.ownShop(viewer).id()));
    }

    List<ProductView> views(List<ProductStore.ProductRow> rows) {
        var skus = store.skus(rows.stream().map(ProductStore.ProductRow::id).toList()).stream()
                .collect(Collectors.groupingBy(ProductStore.SkuRow::productId,
                        Collectors.mapping(ProductStore.SkuRow::view, Collectors.toList())));
        return rows.stream().map(r -> view(r, skus.getOrDefault(r.id(), List.of()))).toList();
    }

    List<ProductView> byIds(List<Long> ids) {
        var byId = views(store.byIds(ids)).stream().collect(Collectors.toMap(ProductView::id, p -> p));
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    private ProductView view(ProductStore.ProductRow r) {
        return views(List.of(r)).getFirst();
    }

    private ProductView view(ProductStore.ProductRow r, List<SkuView> skus) {
        return new ProductView(r.id(), r.shopId(), r.shopName(), r.title(), r.description(),
                markdown.toSafeHtml(r.description()), r.category(), r.tags(), r.shipped(), r.commissionBp(),
                r.published(), FileStore.urlOf(r.imageKey()), skus);
    }

    private boolean merchantOf(Viewer viewer, ProductStore.ProductRow row) {
        return viewer != null && shops.byId(row.shopId()).map(s -> s.merchantAccountId() == viewer.accountId()).orElse(false);
    }

    private void saveSkus(long productId, ProductDraft d, boolean created) {
        var kept = new HashSet<Long>();
        var prices = prices(d);
        for (int i = 0; i < d.skus().size(); i++) {
            var sku = d.skus().get(i);
            var attributes = sku.attributes() == null ? Map.<String, String>of() : sku.attributes();
            if (sku.id() != null && !created) {
                if (store.updateSku(productId, sku.id(), attributes, prices.get(i), sku.stock(), i) == 0) {
                    throw Rejection.invalid("skus[" + i + "].id", "commerce.sku.notFound");
                }
                kept.add(sku.id());
            }
        }
        if (!created) {
            store.retireOthers(productId, kept);
        }
        for (int i = 0; i < d.skus().size(); i++) {
            var sku = d.skus().get(i);
            if (sku.id() == null || created) {
                store.insertSku(productId, sku.attributes() == null ? Map.of() : sku.attributes(), prices.get(i), sku.stock(), i);
            }
        }
    }

    private ProductDraft check(ProductDraft draft) {
        if (draft == null) {
            throw Rejection.invalid("title", "validation.required");
        }
        if (draft.skus() != null) {
            for (int i = 0; i < draft.skus().size(); i++) {
                if (draft.skus().get(i) == null) {
                    throw Rejection.invalid("skus[" + i + "]", "validation.required");
                }
            }
        }
        var d = validation.check(draft.clean());
        prices(d);
        var seen = new HashSet<String>();
        for (int i = 0; i < d.skus().size(); i++) {
            if (!seen.add(ProductStore.attributes(d.skus().get(i).attributes()))) {
                throw Rejection.invalid("skus[" + i + "].attributes", "commerce.sku.duplicate");
            }
        }
        return d;
    }

    private static List<Money> prices(ProductDraft d) {
        var prices = new ArrayList<Money>();
        for (int i = 0; i < d.skus().size(); i++) {
            var field = "skus[" + i + "].price";
            var price = Money.parse(d.skus().get(i).price(), Money.Currency.CNY, field);
            if (price.minor() <= 0 || price.minor() > MAX_PRICE_MINOR) {
                throw Rejection.invalid(field, "commerce.price.range");
            }
            prices.add(price);
        }
        return prices;
    }

    private static String terms(ProductDraft d) {
        var text = String.join(" ", d.title(), d.category(), String.join(" ", d.tags()), Markdown.plainText(d.description()));
        var terms = ChineseTerms.of(text);
        var joined = " " + String.join(" ", terms) + " ";
        return joined.length() > 20000 ? joined.substring(0, joined.lastIndexOf(' ', 19999) + 1) : joined;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
