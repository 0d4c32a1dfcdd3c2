package org.shequn.commerce.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.shequn.commerce.Disputes;
import org.shequn.commerce.view.DisputeDecisionForm;
import org.shequn.commerce.view.DisputeQueue;
import org.shequn.shared.Cursor;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.shequn.shared.web.FormErrors;
import org.shequn.shared.web.FormPages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' disputes (争议处理): the undecided ones first (oldest first, {@code ?undecided=} pages on), then the
 * latest decided ({@code ?decided=}); each decided here with a refund of all that is left, a part of it typed in the
 * order's currency ("12.30", never a float), or a rejection. A refused decision is the same page again: the message
 * beside that dispute's input with what the operator typed (400), or, when the dispute changed meanwhile, a warning
 * above it (409); nothing is written. Whoever is not an operator is refused before the form is read.
 */
@Controller
class DisputePages {

    private final Disputes disputes;
    private final FormPages forms;

    DisputePages(Disputes disputes, FormPages forms) {
        this.disputes = disputes;
        this.forms = forms;
    }

    /** {@code limit} pages both lists by that many (1 to 200); without it all that waits (to 200) and the latest 50 decided. */
    @GetMapping("/operator/disputes")
    String queue(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String undecided,
                 @RequestParam(required = false) String decided, @RequestParam(required = false) Integer limit,
                 Model model) {
        fill(model, viewer, cursors(undecided, decided, limit), null, FormErrors.NONE, null);
        return "commerce/disputes";
    }

    /**
     * {@code outcome}: ALL (what is left of the order), PART ({@code amount}), or REJECT. The form carries the page's
     * cursors, so the operator comes back to (or stays on) the page they decided from.
     */
    @PostMapping("/operator/disputes/{id}/decision")
    String decide(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                  @RequestParam(required = false) String outcome, @RequestParam(required = false) String amount,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String undecided,
                  @RequestParam(required = false) String decided, @RequestParam(required = false) Integer limit,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var dispute = disputes.byId(viewer, id); // an operator's question first: others learn nothing of the form
        var cursors = cursors(undecided, decided, limit);
        try {
            var done = switch (outcome == null ? "" : outcome.strip()) {
                case "ALL" -> disputes.decide(viewer, id, disputes.leftToRefund(viewer, id), note);
                case "PART" -> disputes.decide(viewer, id, disputes.amount(viewer, id, amount), note);
                case "REJECT" -> disputes.decide(viewer, id, null, note);
                default -> throw Rejection.invalid("outcome", "commerce.dispute.outcome");
            };
            if (done.refund() == null) {
                Flash.ok(redirect, "commerce.dispute.rejectedNotice", dispute.orderId());
            } else {
                Flash.ok(redirect, "commerce.dispute.refundedNotice", dispute.orderId(), done.refund().display());
            }
            return "redirect:" + cursors.url();
        } catch (Rejection refused) {
            var typed = new DisputeDecisionForm(id, outcome, amount, note);
            if (refused.kind() == ProblemKind.CONFLICT && refused.fieldProblems().isEmpty()) {
                // decided or changed meanwhile: nothing of the form to correct, so the page says so above the queue
                response.setStatus(refused.kind().status());
                fill(model, viewer, cursors, typed, FormErrors.NONE, new Flash(Flash.Tone.WARN, refused.messageKey(),
                        Arrays.stream(refused.args()).map(String::valueOf).toList()));
                return "commerce/disputes";
            }
            return forms.again("commerce/disputes", refused, response, model,
                    m -> fill(m, viewer, cursors, typed, null, null));
        }
    }

    /** The page's model; {@code errors} null leaves what {@link FormPages#again} puts there. */
    private void fill(Model model, Viewer viewer, DisputeQueue.Cursors cursors, DisputeDecisionForm typed,
                      FormErrors errors, Flash warning) {
        model.addAttribute("queue", disputes.queue(viewer, cursors));
        model.addAttribute("typed", typed);
        model.addAttribute("warning", warning);
        if (errors != null) {
            model.addAttribute("errors", errors);
        }
    }

    private static DisputeQueue.Cursors cursors(String undecided, String decided, Integer limit) {
        return new DisputeQueue.Cursors(blankless(undecided), blankless(decided), limit);
    }

    /** A cursor as given, null when blank; a malformed one is a 400 before it is echoed in a link or a redirect. */
    private static String blankless(String cursor) {
        return Cursor.decode(cursor) == null ? null : cursor;
    }
}
