package org.shequn.commerce.web;

import java.util.List;
import org.shequn.commerce.CheckoutRequest;
import org.shequn.commerce.Disputes;
import org.shequn.commerce.OrderCheckout;
import org.shequn.commerce.Orders;
import org.shequn.commerce.Shops;
import org.shequn.payment.PaymentChannel;
import org.shequn.payment.Payments;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ordering from a store's form, my orders, one order (pay, cancel, ship, confirm, refunds, its dispute: the buyer
 * opens one, the merchant answers it), a community's sales.
 */
@Controller
class OrderPages {

    private final OrderCheckout checkout;
    private final Orders orders;
    private final Shops shops;
    private final Payments payments;
    private final Disputes disputes;

    OrderPages(OrderCheckout checkout, Orders orders, Shops shops, Payments payments, Disputes disputes) {
        this.disputes = disputes;
        this.checkout = checkout;
        this.orders = orders;
        this.shops = shops;
        this.payments = payments;
    }

    /** {@code sku}: "skuId:unitPrice" as the store page showed it; {@code key}: the form's idempotency key. */
    @PostMapping("/orders")
    String order(@AuthenticationPrincipal Viewer viewer, @RequestParam String community, @RequestParam String sku,
                 @RequestParam(defaultValue = "1") String quantity, @RequestParam(required = false) String address,
                 @RequestParam(required = false) Long ref, @RequestParam String key,
                 @RequestParam(defaultValue = "false") boolean shareTags, RedirectAttributes redirect) {
        var parts = sku.split(":", 2);
        long skuId;
        int n;
        try {
            skuId = Long.parseLong(parts[0]);
            n = Integer.parseInt(quantity.strip());
        } catch (NumberFormatException e) {
            throw Rejection.invalid("quantity", "problem.wrongType");
        }
        var order = checkout.checkout(viewer, key, new CheckoutRequest(community,
                List.of(new CheckoutRequest.Line(skuId, n, parts.length > 1 ? parts[1] : null)), address, ref, shareTags));
        Flash.ok(redirect, "commerce.order.created");
        return "redirect:/orders/" + order.id();
    }

    @GetMapping("/orders")
    String mine(@AuthenticationPrincipal Viewer viewer, Model model) {
        model.addAttribute("title", "commerce.orders.title");
        model.addAttribute("orders", orders.mine(viewer));
        model.addAttribute("disputes", disputes.ofMyOrders(viewer));
        return "commerce/orders";
    }

    @GetMapping("/orders/{id}")
    String order(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, Model model) {
        var order = orders.find(viewer, id);
        model.addAttribute("order", order);
        model.addAttribute("buyer", order.buyerAccountId() == viewer.accountId());
        model.addAttribute("merchant", shops.mine(viewer).map(s -> s.id() == order.shopId()).orElse(false));
        model.addAttribute("channels", payments.channels());
        model.addAttribute("key", "pay-" + id + "-" + java.util.UUID.randomUUID());
        model.addAttribute("refundAsked", orders.refundAsked(viewer, id).orElse(null));
        model.addAttribute("dispute", disputes.find(viewer, id).orElse(null));
        model.addAttribute("disputable", disputes.openable(viewer, id));
        return "commerce/order";
    }

    /** The buyer asks the platform to step in (申请平台介入); a refusal is the error page, nothing written. */
    @PostMapping("/orders/{id}/dispute")
    String openDispute(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                       @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        disputes.open(viewer, id, reason);
        Flash.ok(redirect, "commerce.dispute.opened");
        return "redirect:/orders/" + id + "#dispute";
    }

    /** The order's merchant answers its dispute, once. */
    @PostMapping("/orders/{id}/dispute/answer")
    String answerDispute(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                         @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        disputes.answer(viewer, id, answer);
        Flash.ok(redirect, "commerce.dispute.answeredNotice");
        return "redirect:/orders/" + id + "#dispute";
    }

    @PostMapping("/orders/{id}/pay")
    String pay(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, @RequestParam String channel,
               @RequestParam String key, RedirectAttributes redirect) {
        var started = orders.pay(viewer, id, OrderApi.channel(channel), key);
        return switch (started.display()) {
            case TEST_PAGE -> "redirect:/payments/" + started.paymentId() + "/test";
            case REDIRECT -> "redirect:" + started.value();
            case QR_CODE -> "redirect:/payments/" + started.paymentId();
            default -> {
                Flash.info(redirect, "commerce.order.payStarted", started.tradeNo());
                yield "redirect:/orders/" + id;
            }
        };
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        orders.cancel(viewer, id);
        Flash.ok(redirect, "commerce.order.cancelled");
        return "redirect:/orders/" + id;
    }

    @PostMapping("/orders/{id}/ship")
    String ship(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, @RequestParam(required = false) String carrier,
                @RequestParam(required = false) String trackingNo, RedirectAttributes redirect) {
        orders.ship(viewer, id, carrier, trackingNo);
        Flash.ok(redirect, "commerce.order.shipped");
        return "redirect:/orders/" + id;
    }

    @PostMapping("/orders/{id}/receipt")
    String receipt(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        orders.confirmReceipt(viewer, id);
        Flash.ok(redirect, "commerce.order.received");
        return "redirect:/orders/" + id;
    }

    @PostMapping("/orders/{id}/refund-request")
    String requestRefund(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                         @RequestParam(name = "sku", required = false) java.util.List<Long> skus, RedirectAttributes redirect) {
        orders.requestRefund(viewer, id, skus == null ? java.util.List.of() : skus);
        Flash.ok(redirect, "commerce.refund.requested");
        return "redirect:/orders/" + id;
    }

    @PostMapping("/orders/{id}/refund/{decision:approve|reject}")
    String decideRefund(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, @PathVariable String decision,
                        RedirectAttributes redirect) {
        boolean approve = "approve".equals(decision);
        orders.decideRefund(viewer, id, approve);
        Flash.ok(redirect, approve ? "commerce.refund.approved" : "commerce.refund.rejected");
        return "redirect:/orders/" + id;
    }

    @GetMapping("/c/{slug}/sales")
    String sales(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("title", "commerce.sales.title");
        model.addAttribute("orders", orders.sales(viewer, slug));
        return "commerce/orders";
    }
}
