package org.shequn.commerce.view;

import java.util.List;

/** A community's store as a member sees it; {@code runs}: the viewer may add and remove products. */
public record StorePage(String slug, String communityName, boolean runs, List<StoreItemView> items) {
}
