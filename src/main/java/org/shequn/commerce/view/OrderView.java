package org.shequn.commerce.view;

import java.time.OffsetDateTime;
import java.util.List;
import org.shequn.commerce.OrderSplit;
import org.shequn.commerce.OrderState;
import org.shequn.shared.money.Money;

/** An order as its buyer, its merchant and the community's runners see it. */
public record OrderView(long id, OrderState status, String cancelReason, long buyerAccountId, long communityId,
                        long shopId, long referrerAccountId, List<Line> lines, OrderSplit split, String address,
                        String carrier, String trackingNo, Long paymentId, OffsetDateTime createdAt,
                        OffsetDateTime expiresAt, OffsetDateTime paidAt, OffsetDateTime shippedAt,
                        OffsetDateTime completedAt, boolean sharesTags) {

    /** {@code refunded}: this line's money went back to the buyer (a line is refunded whole). */
    public record Line(long skuId, long productId, String title, String attributes, Money unitPrice, int quantity,
                       boolean refunded) {

        public Money amount() {
            return unitPrice.times(quantity);
        }
    }

    /** The lines the buyer may still ask a refund for. */
    public List<Line> refundable() {
        return lines.stream().filter(l -> !l.refunded()).toList();
    }

    public Money total() {
        return split.total();
    }
}
