package org.shequn.payment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.shequn.payment.PaymentStatus;
import org.shequn.payment.PaymentView;
import org.shequn.payment.Payments;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.QrCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A payment's own page, for its payer: what it is for and how much, and how to pay it — WeChat's QR code to scan,
 * the link to Alipay's cashier, the test mode's page (labelled 测试模式), or the transfer's reference. The status part
 * polls ({@code /payments/{id}/status}, htmx) and sends the payer on to the return page once it is paid; each poll
 * asks the provider too, so a payer does not wait on a slow notification. To anyone else such a page does not exist.
 */
@Controller
class PaymentPages {

    private final Payments payments;

    PaymentPages(Payments payments) {
        this.payments = payments;
    }

    private PaymentView mine(Viewer viewer, long id) {
        long me = Viewer.require(viewer).accountId();
        return payments.find(id).filter(p -> p.payerAccountId() == me)
                .orElseThrow(() -> Rejection.notFound("payment.notFound"));
    }

    @GetMapping("/payments/{id}")
    String page(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, Model model) {
        var payment = mine(viewer, id);
        if (payment.status() != PaymentStatus.PENDING) {
            return "redirect:" + payment.returnTo();
        }
        model.addAttribute("payment", payment);
        model.addAttribute("checkout", payments.checkout(id).orElse(null));
        return "payment/pay";
    }

    @GetMapping("/payments/{id}/status")
    String status(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, Model model,
                  HttpServletResponse response) {
        var payment = mine(viewer, id);
        if (payment.status() == PaymentStatus.PENDING) {
            try {
                payment = payments.query(id);
            } catch (Rejection providerUnreachable) {
                // asked again at the next poll; the notification may still come
            }
        }
        if (payment.status() != PaymentStatus.PENDING) {
            response.setHeader("HX-Redirect", payment.returnTo());
        }
        model.addAttribute("payment", payment);
        return "payment/status";
    }

    /** WeChat's code_url as a QR code for the payer's phone (WeChat → 扫一扫). */
    @GetMapping("/payments/{id}/qr.svg")
    void qr(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
        mine(viewer, id);
        var checkout = payments.checkout(id)
                .filter(c -> c.display() == org.shequn.payment.PaymentChannel.Display.QR_CODE)
                .orElseThrow(() -> Rejection.notFound("payment.notFound"));
        response.setContentType("image/svg+xml;charset=UTF-8");
        response.setHeader("Cache-Control", "private, max-age=3600");
        response.getOutputStream().write(QrCode.svg(checkout.value()).getBytes(StandardCharsets.UTF_8));
    }
}
