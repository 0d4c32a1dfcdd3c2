package org.shequn.payment.web;

import java.util.List;
import org.shequn.payment.PaymentChannel;
import org.shequn.payment.PaymentView;
import org.shequn.payment.Payments;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A payer's own payment (to poll while a QR code is shown) and the channels on offer. Payments are started by the
 * purpose's module (an order's checkout), which alone knows what is owed; there is no endpoint to start one here.
 */
@RestController
class PaymentApi {

    record PaymentJson(long id, String tradeNo, String purpose, long amountMinor, long refundedMinor, String currency,
                       String channel, String status, boolean testMode) {
        static PaymentJson of(PaymentView p) {
            return new PaymentJson(p.id(), p.tradeNo(), p.purpose(), p.amount().minor(), p.refunded().minor(),
                    p.amount().currency().name(), p.channel().name(), p.status().name(), p.testMode());
        }
    }

    private final Payments payments;

    PaymentApi(Payments payments) {
        this.payments = payments;
    }

    @GetMapping("/api/v1/payments/channels")
    List<String> channels() {
        return payments.channels().stream().map(PaymentChannel.Kind::name).toList();
    }

    @GetMapping("/api/v1/payments/{id}")
    PaymentJson payment(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        var me = Viewer.require(viewer);
        return payments.find(id).filter(p -> p.payerAccountId() == me.accountId()).map(PaymentJson::of)
                .orElseThrow(() -> Rejection.notFound("payment.notFound"));
    }
}
