package org.shequn.commerce.view;

import java.util.Map;
import org.shequn.shared.money.Money;

/** One variant of a product: its attributes in the merchant's order, price and stock left. */
public record SkuView(long id, Map<String, String> attributes, Money price, int stock) {

    /** "颜色=红 · 尺码=M", or "" without attributes. */
    public String label() {
        return String.join(" · ", attributes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
