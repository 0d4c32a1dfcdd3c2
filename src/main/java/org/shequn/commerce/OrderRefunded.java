package org.shequn.commerce;

/** An order was refunded: {@code refundKey} is unique per refund, {@code refundedSplit} the part of the split returned. */
public record OrderRefunded(long orderId, String refundKey, OrderSplit refundedSplit) {
}
