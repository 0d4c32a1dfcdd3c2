package org.shequn.insight.view;

/** A community ranked for a merchant: its fit (0 to 100) and the tag that matches best. */
public record CommunityFit(String slug, String name, long members, int score, FitReason reason) {
}
