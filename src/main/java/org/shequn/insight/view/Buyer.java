package org.shequn.insight.view;

import java.time.OffsetDateTime;

/** A buyer as the merchant sees them: the tags are null unless the buyer shared them on their latest order. */
public record Buyer(long accountId, String name, int orders, OffsetDateTime lastPaidAt, boolean shares, String position,
                    String industry, String city, String education, Boolean verified) {
}
