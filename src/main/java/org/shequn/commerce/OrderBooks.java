package org.shequn.commerce;

import java.time.Instant;
import java.util.ArrayList;
import org.shequn.commerce.view.OrderView;
import org.shequn.ledger.Account;
import org.shequn.ledger.Leg;
import org.shequn.ledger.Ledger;
import org.shequn.ledger.Posting;
import org.shequn.ledger.ReferenceTotals;
import java.util.Map;
import org.shequn.shared.money.Money;
import org.springframework.stereotype.Component;

/**
 * An order's money in the ledger, written in the transaction that changes the order, so an order is never paid
 * without its posting nor refunded without its reversal. Paid: clearing takes the total; the merchant, the
 * community, the referrer and the platform are each owed their part of the split. Refunded: each party gives back its part of what is refunded (the whole
 * order, or some of its lines).
 * Completed: the parts become settleable once the dispute window ({@code shequn.commerce.settle-after}) has passed.
 */
@Component
class OrderBooks implements ReferenceTotals {

    private final Ledger ledger;
    private final CommerceSettings settings;
    private final OrderStore orders;

    OrderBooks(Ledger ledger, CommerceSettings settings, OrderStore orders) {
        this.ledger = ledger;
        this.settings = settings;
        this.orders = orders;
    }

    /** For the ledger's invariant check: each paid order's reference brought its total into clearing (0 if refunded). */
    @Override
    public Map<String, Money> expectedClearing() {
        return orders.paidTotals();
    }

    static String reference(long orderId) {
        return "order:" + orderId;
    }

    private static String paidKey(long orderId) {
        return "order:" + orderId + ":paid";
    }

    void paid(OrderView order) {
        var split = order.split();
        var legs = new ArrayList<Leg>();
        legs.add(new Leg(Account.CLEARING, split.total()));
        owed(legs, Account.merchant(order.shopId()), split.merchantShare());
        owed(legs, Account.communityCommission(order.communityId()), split.commission());
        if (order.referrerAccountId() != 0) {
            owed(legs, Account.referrer(order.referrerAccountId()), split.referral());
        }
        owed(legs, Account.PLATFORM_FEE, split.platformFee());
        ledger.post(new Posting(paidKey(order.id()), reference(order.id()), "订单 #" + order.id() + " 支付", legs));
    }

    /** A refund of the whole order or of some lines: each party gives back its part of the split. */
    void refunded(OrderView order, long refundId, OrderSplit part) {
        var legs = new ArrayList<Leg>();
        legs.add(new Leg(Account.CLEARING, part.total().negate()));
        returned(legs, Account.merchant(order.shopId()), part.merchantShare());
        returned(legs, Account.communityCommission(order.communityId()), part.commission());
        if (order.referrerAccountId() != 0) {
            returned(legs, Account.referrer(order.referrerAccountId()), part.referral());
        }
        returned(legs, Account.PLATFORM_FEE, part.platformFee());
        ledger.post(new Posting("order:" + order.id() + ":refund:" + refundId, reference(order.id()),
                "订单 #" + order.id() + " 退款", legs));
    }

    private static void returned(ArrayList<Leg> legs, Account account, Money part) {
        if (!part.isZero()) {
            legs.add(new Leg(account, part));
        }
    }

    void completed(OrderView order, Instant completedAt) {
        ledger.markSettleable(reference(order.id()), completedAt.plus(settings.settleAfter()));
    }

    private static void owed(ArrayList<Leg> legs, Account account, Money part) {
        if (!part.isZero()) {
            legs.add(new Leg(account, part.negate()));
        }
    }
}
