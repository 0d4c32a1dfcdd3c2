package org.shequn.commerce.view;

import java.time.OffsetDateTime;
import org.shequn.commerce.DisputeState;
import org.shequn.shared.money.Money;

/** A dispute as its buyer, the order's merchant and the operators see it; {@code refund} null unless refunded. */
public record DisputeView(long id, long orderId, DisputeState status, String reason, String answer, Money refund,
                          String decisionNote, OffsetDateTime openedAt, OffsetDateTime answeredAt,
                          OffsetDateTime decidedAt) {
}
