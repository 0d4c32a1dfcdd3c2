package org.shequn.commerce;

import java.util.List;

/**
 * What a buyer orders from a community's store: lines of SKU, quantity and the unit price the buyer saw ("19.90";
 * a different price now refuses the order with the new one), an address when anything is shipped, and the member
 * whose share link ({@code ?ref=}) brought the buyer, if any. {@code shareTags}: whether the buyer shares their identity
 * tags (position, industry, city, education, verified or not) with the merchant; absent or false keeps them private.
 */
public record CheckoutRequest(String community, List<Line> lines, String address, Long referrer, Boolean shareTags) {

    public CheckoutRequest(String community, List<Line> lines, String address, Long referrer) {
        this(community, lines, address, referrer, null);
    }

    public boolean shares() {
        return Boolean.TRUE.equals(shareTags);
    }

    public record Line(Long skuId, Integer quantity, String unitPrice) {
    }
}
