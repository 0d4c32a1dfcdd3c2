package org.shequn.commerce;

import java.time.Instant;

/** An order was completed (the buyer confirmed receipt, or the auto-completion window passed). */
public record OrderCompleted(long orderId, Instant completedAt) {
}
