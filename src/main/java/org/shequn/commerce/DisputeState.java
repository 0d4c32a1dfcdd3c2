package org.shequn.commerce;

import java.util.EnumSet;
import java.util.Set;
import org.shequn.shared.Rejection;

/**
 * Where a dispute (争议) stands. The buyer opens it; the merchant answers once; an operator decides: a refund (of all
 * or part of what is left of the order) or a rejection, after the answer or without waiting for one. A decided
 * dispute is closed. {@link #to} is the only way from one state to another.
 */
public enum DisputeState {
    OPEN, ANSWERED, REFUNDED, REJECTED;

    private Set<DisputeState> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(ANSWERED, REFUNDED, REJECTED);
            case ANSWERED -> EnumSet.of(REFUNDED, REJECTED);
            case REFUNDED, REJECTED -> EnumSet.noneOf(DisputeState.class);
        };
    }

    public boolean canMoveTo(DisputeState target) {
        return next().contains(target);
    }

    /** The target, or a 409 saying the dispute cannot go there from here. */
    public DisputeState to(DisputeState target) {
        if (!canMoveTo(target)) {
            throw Rejection.conflict("commerce.dispute.state." + name());
        }
        return target;
    }

    /** Still waiting for the operator's decision. */
    public boolean undecided() {
        return this == OPEN || this == ANSWERED;
    }
}
