package org.shequn.commerce;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shequn.commerce.*}: the platform's fee and the referrer's share in basis points (1 bp = 0.01%; the
 * referral is off by default), how long an unpaid order holds its stock, and after how long a shipped order
 * completes by itself, and how long after completion the commission and the merchant's share stay pending (the
 * window in which an order may still be disputed) before they become settleable.
 */
@ConfigurationProperties("shequn.commerce")
public record CommerceSettings(@DefaultValue("500") int platformFeeBp, @DefaultValue("0") int referralBp,
                               @DefaultValue("30m") Duration unpaidExpiry, @DefaultValue("10d") Duration autoComplete,
                               @DefaultValue("7d") Duration settleAfter, @DefaultValue("15d") Duration disputeWindow) {

    public CommerceSettings {
        if (settleAfter.isNegative()) {
            throw new IllegalArgumentException("shequn.commerce.settle-after is not negative");
        }
        if (platformFeeBp < 0 || platformFeeBp > 5000 || referralBp < 0 || referralBp > 5000) {
            throw new IllegalArgumentException("shequn.commerce fee and referral rates are 0 to 5000 basis points");
        }
    }
}
