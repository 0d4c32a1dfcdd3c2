package org.shequn.voting.view;

/** What a voter gets back once: the receipt code that finds their ballot in the published count. */
public record BallotReceipt(String receipt) {
}
