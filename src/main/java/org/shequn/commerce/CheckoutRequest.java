package org.shequn.commerce;

import java.util.List;

/**
 * What a buyer orders from a community's store: lines of SKU, quantity and the unit price the buyer saw ("19.90";
 * a different price now refuses the order with the new one), an address when anything is shipped, and the member
 * whose share link ({@code ?ref=}) brought the buyer, if any.
 */
public record CheckoutRequest(String community, List<Line> lines, String address, Long referrer) {

    public record Line(Long skuId, Integer quantity, String unitPrice) {
    }
}
