package org.shequn.commerce.view;

/** A shop as buyers see it; {@code settlement} only for its merchant and the operator (null for everyone else). */
public record ShopView(long id, long merchantAccountId, String name, String description, String contact,
                       String settlement) {
}
