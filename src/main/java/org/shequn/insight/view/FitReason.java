package org.shequn.insight.view;

/** Why a community fits: {@code buyerPercent}% of the buyers have the tag, {@code memberPercent}% of the members do. */
public record FitReason(String kind, String label, int buyerPercent, int memberPercent) {
}
