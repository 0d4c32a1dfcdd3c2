package org.shequn.commerce.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.shequn.commerce.CheckoutRequest;
import org.shequn.commerce.OrderCheckout;
import org.shequn.commerce.Orders;
import org.shequn.commerce.view.OrderView;
import org.shequn.payment.Checkout;
import org.shequn.payment.PaymentChannel;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders over the API: checkout and paying take an {@code Idempotency-Key} header (the same key returns the first
 * result; with another body it is refused); the buyer cancels, pays and confirms receipt, the merchant ships.
 */
@RestController
class OrderApi {

    record PayBody(String channel) {
    }

    record ShipBody(String carrier, String trackingNo) {
    }

    private final OrderCheckout checkout;
    private final Orders orders;

    OrderApi(OrderCheckout checkout, Orders orders) {
        this.checkout = checkout;
        this.orders = orders;
    }

    @PostMapping("/api/v1/orders")
    ResponseEntity<OrderView> checkout(@AuthenticationPrincipal Viewer viewer,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                       @RequestBody CheckoutRequest body) {
        var order = checkout.checkout(viewer, key, body);
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id())).body(order);
    }

    @GetMapping("/api/v1/orders")
    List<OrderView> mine(@AuthenticationPrincipal Viewer viewer) {
        return orders.mine(viewer);
    }

    @GetMapping("/api/v1/orders/{id}")
    OrderView order(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return orders.find(viewer, id);
    }

    @PostMapping("/api/v1/orders/{id}/payment")
    Checkout pay(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                 @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody PayBody body) {
        return orders.pay(viewer, id, channel(body == null ? null : body.channel()), key);
    }

    @PostMapping("/api/v1/orders/{id}/cancel")
    OrderView cancel(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return orders.cancel(viewer, id);
    }

    @PostMapping("/api/v1/orders/{id}/shipment")
    OrderView ship(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, @RequestBody ShipBody body) {
        return orders.ship(viewer, id, body == null ? null : body.carrier(), body == null ? null : body.trackingNo());
    }

    @PostMapping("/api/v1/orders/{id}/receipt")
    OrderView receipt(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return orders.confirmReceipt(viewer, id);
    }

    /** Which lines a refund is for, by SKU id; absent or empty: every line not refunded yet. */
    record RefundRequest(java.util.List<Long> skus) {
    }

    /** The buyer asks for a refund of a paid order that is not completed yet: of the whole order, or of some lines. */
    @PostMapping("/api/v1/orders/{id}/refund-request")
    OrderView requestRefund(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                            @RequestBody(required = false) RefundRequest body) {
        return orders.requestRefund(viewer, id, body == null || body.skus() == null ? java.util.List.of() : body.skus());
    }

    /** The merchant approves the refund: its amount goes back to the payer and its lines' stock comes back. */
    @PostMapping("/api/v1/orders/{id}/refund/approve")
    OrderView approveRefund(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return orders.decideRefund(viewer, id, true);
    }

    @PostMapping("/api/v1/orders/{id}/refund/reject")
    OrderView rejectRefund(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return orders.decideRefund(viewer, id, false);
    }

    static PaymentChannel.Kind channel(String name) {
        try {
            return PaymentChannel.Kind.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("channel", "payment.channel.off");
        }
    }
}
