package org.shequn.commerce;

/**
 * A dispute was opened, answered or decided: for telling the other side (the merchant of a new dispute, the buyer
 * of an answer, both of a decision). {@code status} is where it stands now.
 */
public record DisputeChanged(long disputeId, long orderId, DisputeState status, long buyerAccountId,
                             long merchantAccountId) {
}
