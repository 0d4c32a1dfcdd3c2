package org.shequn.payment.web;

import org.shequn.payment.TestMode;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The test mode's stand-in for a provider's cashier: one button that pays, then back to where the payer came from. */
@Controller
class TestPaymentPages {

    private final TestMode testMode;

    TestPaymentPages(TestMode testMode) {
        this.testMode = testMode;
    }

    @GetMapping("/payments/{id}/test")
    String page(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("payment", testMode.payment(id, Viewer.require(viewer).accountId()));
        return "payment/test";
    }

    @PostMapping("/payments/{id}/test")
    String pay(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        long me = Viewer.require(viewer).accountId();
        var payment = testMode.payment(id, me);
        if (testMode.simulateSuccess(id, me)) {
            Flash.ok(redirect, "payment.test.paid", payment.amount().display());
        } else {
            Flash.info(redirect, "payment.test.already");
        }
        return "redirect:" + payment.returnTo();
    }
}
