package org.shequn.profile;

/** An operator approved or rejected a verification request; the requester is told. */
public record VerificationDecided(long requestId, long accountId, VerificationKind kind, boolean approved,
                                  String reason) {
}
