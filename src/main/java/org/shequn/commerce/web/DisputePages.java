package org.shequn.commerce.web;

import org.shequn.commerce.Disputes;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.money.Money;
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
 * The operators' disputes (争议处理): the undecided ones first, then the latest decided; each decided here with a refund
 * of all that is left, a part of it in 元 (typed as money is typed everywhere: "12.30", never a float), or a rejection.
 * A refusal is the error page in the viewer's language, with nothing written (as the other commerce pages do).
 */
@Controller
class DisputePages {

    private final Disputes disputes;

    DisputePages(Disputes disputes) {
        this.disputes = disputes;
    }

    @GetMapping("/operator/disputes")
    String queue(@AuthenticationPrincipal Viewer viewer, Model model) {
        model.addAttribute("cases", disputes.cases(viewer));
        return "commerce/disputes";
    }

    /** {@code outcome}: ALL (what is left of the order), PART ({@code amount}), or REJECT. */
    @PostMapping("/operator/disputes/{id}/decision")
    String decide(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                  @RequestParam(required = false) String outcome, @RequestParam(required = false) String amount,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        var dispute = disputes.byId(viewer, id); // an operator's question first: others learn nothing of the form
        var decided = switch (outcome == null ? "" : outcome.strip()) {
            case "ALL" -> disputes.decide(viewer, id, disputes.leftToRefund(viewer, id), note);
            case "PART" -> disputes.decide(viewer, id, Money.parse(amount, Money.Currency.CNY, "amount"), note);
            case "REJECT" -> disputes.decide(viewer, id, null, note);
            default -> throw Rejection.invalid("outcome", "commerce.dispute.outcome");
        };
        if (decided.refund() == null) {
            Flash.ok(redirect, "commerce.dispute.rejectedNotice", dispute.orderId());
        } else {
            Flash.ok(redirect, "commerce.dispute.refundedNotice", dispute.orderId(), decided.refund().display());
        }
        return "redirect:/operator/disputes";
    }
}
