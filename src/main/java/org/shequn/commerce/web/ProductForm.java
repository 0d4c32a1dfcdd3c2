package org.shequn.commerce.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shequn.commerce.ProductDraft;
import org.shequn.commerce.view.ProductView;
import org.shequn.commerce.view.SkuView;
import org.shequn.shared.Rejection;

/**
 * The product form's fields as text. Its SKUs are lines of {@code 颜色=红,尺码=M | 19.90 | 10}; on an edit a line
 * whose attributes match an existing SKU changes that SKU, so its orders keep pointing at it.
 */
public record ProductForm(String title, String description, String category, String tags, String shipped,
                   String commissionBp, String published, String skus) {

    static ProductForm of(ProductView p) {
        var lines = new ArrayList<String>();
        for (var sku : p.skus()) {
            lines.add(attributes(sku) + " | " + sku.price().plain() + " | " + sku.stock());
        }
        return new ProductForm(p.title(), p.description(), p.category(), String.join(", ", p.tags()),
                p.shipped() ? "on" : null, String.valueOf(p.commissionBp()), p.published() ? "on" : null, String.join("\n", lines));
    }

    static ProductForm empty() {
        return new ProductForm("", "", "", "", "on", "1000", "on", " | 19.90 | 10");
    }

    ProductDraft draft(List<SkuView> existing) {
        var byAttributes = new LinkedHashMap<String, Long>();
        existing.forEach(s -> byAttributes.put(attributes(s), s.id()));
        var drafts = new ArrayList<ProductDraft.SkuDraft>();
        var text = skus == null ? "" : skus.strip();
        int n = 0;
        for (var line : text.isEmpty() ? new String[0] : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            var parts = line.split("\\|", -1);
            if (parts.length != 3) {
                throw Rejection.invalid("skus", "commerce.form.skuLine", n + 1);
            }
            var attributes = new LinkedHashMap<String, String>();
            for (var pair : parts[0].split("[,，]")) {
                if (pair.isBlank()) {
                    continue;
                }
                var kv = pair.split("=", 2);
                if (kv.length != 2) {
                    throw Rejection.invalid("skus", "commerce.form.skuLine", n + 1);
                }
                attributes.put(kv[0].strip(), kv[1].strip());
            }
            int stock;
            try {
                stock = Integer.parseInt(parts[2].strip());
            } catch (NumberFormatException e) {
                throw Rejection.invalid("skus", "commerce.form.skuLine", n + 1);
            }
            drafts.add(new ProductDraft.SkuDraft(byAttributes.get(attributes(attributes)), attributes, parts[1].strip(), stock));
            n++;
        }
        Integer bp;
        try {
            bp = commissionBp == null || commissionBp.isBlank() ? null : Integer.valueOf(commissionBp.strip());
        } catch (NumberFormatException e) {
            throw Rejection.invalid("commissionBp", "commerce.commission.range");
        }
        List<String> tagList = tags == null || tags.isBlank() ? List.of()
                : Arrays.stream(tags.split("[,，]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return new ProductDraft(title, description == null ? "" : description, category, tagList, shipped != null, bp,
                published != null, drafts);
    }

    private static String attributes(SkuView sku) {
        return attributes(sku.attributes());
    }

    private static String attributes(Map<String, String> attributes) {
        return String.join(",", attributes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
