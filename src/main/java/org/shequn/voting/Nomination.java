package org.shequn.voting;

/** A nomination: {@code accountId} null (or one's own) stands oneself; another member must accept. */
public record Nomination(Long accountId, String statement) {

    public static final int STATEMENT_MAX = 500;
}
