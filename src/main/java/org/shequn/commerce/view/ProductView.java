package org.shequn.commerce.view;

import java.util.List;
import org.shequn.shared.money.Money;

/** A product (its image's address, or null) with its shop's name, its description as safe HTML beside its source, and its live SKUs. */
public record ProductView(long id, long shopId, String shopName, String title, String description,
                          String descriptionHtml, String category, List<String> tags, boolean shipped,
                          int commissionBp, boolean published, String imageUrl, List<SkuView> skus) {

    /** The lowest price of its SKUs, what a list shows. */
    public Money fromPrice() {
        return skus.stream().map(SkuView::price).min(Money::compareTo).orElse(null);
    }

    /** The commission rate as a percentage: "15", "12.5". */
    public String commissionPercent() {
        return commissionBp % 100 == 0 ? String.valueOf(commissionBp / 100)
                : java.math.BigDecimal.valueOf(commissionBp, 2).stripTrailingZeros().toPlainString();
    }

    public int stock() {
        return skus.stream().mapToInt(SkuView::stock).sum();
    }
}
