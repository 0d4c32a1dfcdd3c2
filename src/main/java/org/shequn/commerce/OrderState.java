package org.shequn.commerce;

import java.util.EnumSet;
import java.util.Set;
import org.shequn.shared.Rejection;

/**
 * Where an order stands. {@link #to(OrderState)} is the only way from one state to another: it refuses (409) a move
 * the order's life does not have, and the store changes a row only from the state the move started at.
 */
public enum OrderState {
    CREATED, PAID, SHIPPED, DELIVERED, COMPLETED, CANCELLED, REFUND_REQUESTED, REFUNDED;

    private Set<OrderState> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(PAID, CANCELLED);
            // REFUNDED straight from a paid state: an operator's dispute decision refunding all that was left
            case PAID -> EnumSet.of(SHIPPED, REFUND_REQUESTED, REFUNDED);
            case SHIPPED -> EnumSet.of(DELIVERED, REFUND_REQUESTED, REFUNDED);
            case DELIVERED -> EnumSet.of(COMPLETED, REFUND_REQUESTED, REFUNDED);
            // a refused refund request goes back to where the order stood; an approved one ends it
            case REFUND_REQUESTED -> EnumSet.of(PAID, SHIPPED, DELIVERED, REFUNDED);
            // a completed order may still be disputed within the window; only a whole refund of it moves it on
            case COMPLETED -> EnumSet.of(REFUNDED);
            case CANCELLED, REFUNDED -> EnumSet.noneOf(OrderState.class);
        };
    }

    public boolean canMoveTo(OrderState target) {
        return next().contains(target);
    }

    /** The target, or a 409 saying the order cannot go there from here. */
    public OrderState to(OrderState target) {
        if (!canMoveTo(target)) {
            throw Rejection.conflict("commerce.order.state." + name());
        }
        return target;
    }

    /** Whether the stock its lines took is still held by it. */
    public boolean holdsStock() {
        return this != CANCELLED && this != REFUNDED;
    }
}
