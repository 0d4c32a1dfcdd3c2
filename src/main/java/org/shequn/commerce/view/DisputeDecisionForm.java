package org.shequn.commerce.view;

/**
 * A decision an operator posted for dispute {@code disputeId} and was refused: what they chose and typed, shown again in
 * that dispute's form beside the message, so nothing typed is lost.
 */
public record DisputeDecisionForm(long disputeId, String outcome, String amount, String note) {

    public boolean chose(String value) {
        return value.equals(outcome);
    }
}
