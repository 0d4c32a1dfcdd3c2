package org.shequn.messaging;

import java.util.function.BooleanSupplier;

/**
 * Who may write to whom. A block either way refuses, whatever else holds; then the recipient's
 * {@link Acceptance}. The relations are asked lazily: most checks end at the first that decides.
 */
final class MessagingPolicy {

    private MessagingPolicy() {
    }

    static boolean allows(boolean blockedEitherWay, Acceptance recipientAccepts, BooleanSupplier friends,
                          BooleanSupplier shareCommunity) {
        if (blockedEitherWay) {
            return false;
        }
        return switch (recipientAccepts) {
            case NOBODY -> false;
            case FRIENDS -> friends.getAsBoolean();
            case COMMUNITIES -> friends.getAsBoolean() || shareCommunity.getAsBoolean();
        };
    }
}
