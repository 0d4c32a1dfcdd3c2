package org.shequn.commerce.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.shequn.shared.money.Money;

/**
 * A buyer's cart, grouped as it is ordered: one group per community store and shop, since an order comes from one
 * shop and is credited to one community. {@code count}: the number of lines.
 */
public record CartView(List<Group> groups, int count) {

    public record Group(String slug, String communityName, long shopId, String shopName, boolean shipped,
                        List<Line> lines, Money total) {

        /** Whether some line's price differs from the one the buyer saw: they confirm before ordering. */
        @JsonProperty
        public boolean priceChanged() {
            return lines.stream().anyMatch(Line::priceChanged);
        }

        /** Whether every line can be ordered as it stands (still sold here, enough stock). */
        @JsonProperty
        public boolean orderable() {
            return lines.stream().allMatch(Line::orderable);
        }
    }

    /** {@code variant}: "颜色=红 · 尺码=M", or "". */
    public record Line(long skuId, long productId, String title, String variant, int quantity, Money seenPrice,
                       Money price, int stock, boolean sold) {

        @JsonProperty
        public boolean priceChanged() {
            return !seenPrice.equals(price);
        }

        @JsonProperty
        public boolean orderable() {
            return sold && stock >= quantity;
        }

        @JsonProperty
        public Money subtotal() {
            return seenPrice.times(quantity);
        }
    }
}
