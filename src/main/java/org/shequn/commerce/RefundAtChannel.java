package org.shequn.commerce;

import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.shequn.payment.Payments;
import org.shequn.shared.Rejection;
import org.shequn.shared.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A refund commerce decided (a merchant approving a refund request, an operator deciding a dispute), asked of the
 * payment's channel outside any database transaction: the channel is a network call that may take seconds, and
 * holding the order's and the stock's rows across it would queue everyone behind it. Three steps: a short
 * transaction claims the decision (so no second decision comes between), the channel refunds under the decision's
 * stable idempotency key, a second transaction records the refund (order, ledger, events) once. A channel that
 * refuses takes the claim back and nothing else is written. A process stopping between the channel and the record
 * leaves the claim standing: {@link #finish} asks the channel again under the same key, which returns the refund it
 * made (or makes it now), so the money goes back once, and records it.
 * <p>
 * One refund of an order is in flight at a time: each claim locks the order's row and is refused while another
 * refund of the order is claimed and not recorded, so a record never has to allow for a refund still on its way.
 */
@Component
class RefundAtChannel {

    private static final Logger log = LoggerFactory.getLogger(RefundAtChannel.class);

    /** A claimed refund: what the channel returns, under which key, and how the claim is taken back or recorded. */
    record Claimed(long paymentId, Money amount, String key, Runnable unclaim, Runnable record) {
    }

    private final Payments payments;
    private final OrderStore orders;
    private final RefundStore refunds;
    private final TransactionTemplate transactions;

    RefundAtChannel(Payments payments, OrderStore orders, RefundStore refunds, TransactionTemplate transactions) {
        this.payments = payments;
        this.orders = orders;
        this.refunds = refunds;
        this.transactions = transactions;
    }

    /** Claims (one transaction, {@code claim} checks and writes the claim), refunds at the channel, records. */
    void decide(long orderId, Supplier<Claimed> claim) {
        var claimed = transactions.execute(status -> {
            orders.lock(orderId);
            if (refunds.inFlight(orderId)) {
                throw Rejection.conflict("commerce.refund.inFlight");
            }
            return claim.get();
        });
        refundAndRecord(claimed);
    }

    /**
     * Finishes the claims of {@code ids} (interrupted between the channel and the record, old enough that none is
     * still in flight); one that cannot be finished now is tried again next time. Returns how many were finished.
     */
    int finish(String what, List<Long> ids, LongFunction<Claimed> claimed) {
        int finished = 0;
        for (long id : ids) {
            try {
                refundAndRecord(claimed.apply(id));
                finished++;
            } catch (RuntimeException e) {
                log.warn("{} {}'s refund could not be finished now, will try again: {}", what, id, e.getMessage());
            }
        }
        return finished;
    }

    private void refundAndRecord(Claimed claimed) {
        try {
            payments.refund(claimed.paymentId(), claimed.amount(), claimed.key());
        } catch (RuntimeException refused) {
            // the payment module rolled its refund back with the refusal: nothing went back, so nothing is decided
            transactions.executeWithoutResult(status -> claimed.unclaim().run());
            throw refused;
        }
        transactions.executeWithoutResult(status -> claimed.record().run());
    }
}
