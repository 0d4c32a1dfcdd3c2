package org.shequn.commerce;

import java.util.List;
import org.shequn.shared.Rejection;
import org.shequn.shared.money.Money;

/**
 * Who gets what of an order's total, computed once at checkout in integer basis points: the community's commission
 * (each line at its product's rate), the referrer's share, the platform fee, and the merchant's share, which is what
 * is left, so the four parts always add up exactly to the total.
 */
public record OrderSplit(Money total, Money commission, Money referral, Money platformFee, Money merchantShare) {

    /** One line of the order: its amount (unit price × quantity) and its product's commission rate. */
    public record Line(Money amount, int commissionBp) {
    }

    public OrderSplit {
        if (!commission.plus(referral).plus(platformFee).plus(merchantShare).equals(total)) {
            throw new IllegalArgumentException("the parts of a split must add up to its total");
        }
    }

    /**
     * The split of these lines; refused (409) when the rates leave the merchant less than nothing, which only a
     * misconfiguration can cause.
     */
    public static OrderSplit of(List<Line> lines, int referralBp, int platformFeeBp) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has lines");
        }
        var currency = lines.getFirst().amount().currency();
        var total = Money.zero(currency);
        var commission = Money.zero(currency);
        for (var line : lines) {
            total = total.plus(line.amount());
            commission = commission.plus(line.amount().share(line.commissionBp()));
        }
        var referral = total.share(referralBp);
        var platformFee = total.share(platformFeeBp);
        var merchant = total.minus(commission).minus(referral).minus(platformFee);
        if (merchant.isNegative()) {
            throw Rejection.conflict("commerce.split.invalid");
        }
        return new OrderSplit(total, commission, referral, platformFee, merchant);
    }

    /**
     * The part of this split that refunding these lines returns: their commission at their products' rates (as at
     * checkout), the referral and the platform fee in proportion to their amount (rounded down, so the last refund,
     * which takes {@link #minus what is left}, never returns more than was paid), the merchant's share the rest.
     * Refused (409) when the lines' rates leave the merchant's part below zero: then only the whole order refunds.
     */
    public OrderSplit part(List<Line> lines) {
        var currency = total.currency();
        var amount = Money.zero(currency);
        var lineCommission = Money.zero(currency);
        for (var line : lines) {
            amount = amount.plus(line.amount());
            lineCommission = lineCommission.plus(line.amount().share(line.commissionBp()));
        }
        var lineReferral = proportion(referral, amount);
        var linePlatform = proportion(platformFee, amount);
        var merchant = amount.minus(lineCommission).minus(lineReferral).minus(linePlatform);
        if (merchant.isNegative() || amount.compareTo(total) > 0) {
            throw Rejection.conflict("commerce.refund.wholeOnly");
        }
        return new OrderSplit(amount, lineCommission, lineReferral, linePlatform, merchant);
    }

    /** What is left of this split once {@code other} is taken from it, part by part. */
    public OrderSplit minus(OrderSplit other) {
        return new OrderSplit(total.minus(other.total), commission.minus(other.commission),
                referral.minus(other.referral), platformFee.minus(other.platformFee),
                merchantShare.minus(other.merchantShare));
    }

    private Money proportion(Money whole, Money amount) {
        return new Money(Math.multiplyExact(whole.minor(), amount.minor()) / total.minor(), whole.currency());
    }
}
