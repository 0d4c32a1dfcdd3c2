package org.shequn.commerce.view;

/** A mall product in a community's store, with the runner's recommendation. */
public record StoreItemView(ProductView product, String recommendation) {
}
