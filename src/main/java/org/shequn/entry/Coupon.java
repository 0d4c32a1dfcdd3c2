package org.shequn.entry;

import java.time.OffsetDateTime;
import org.shequn.shared.money.Money;

/** A coupon as its owner sees it: what it takes off, until when, and how many of its uses are gone. */
public record Coupon(long id, String code, Long amountOffMinor, Integer percentOff, OffsetDateTime expiresAt,
                     int maxUses, int uses) {

    /** The price after this coupon; never below 1 分 is the caller's check. */
    public Money apply(Money price) {
        if (amountOffMinor != null) {
            return price.minus(new Money(amountOffMinor, price.currency()));
        }
        return price.minus(price.share(percentOff * 100));
    }

    public boolean usable(OffsetDateTime now) {
        return uses < maxUses && (expiresAt == null || expiresAt.isAfter(now));
    }
}
