package org.shequn.insight.view;

/** A mall product whose buyers look like a community's members, for its runners; {@code inStore}: already sold there. */
public record ProductMatch(long productId, String title, String shopName, long sharingBuyers, int score, FitReason reason,
                           boolean inStore) {
}
