package org.shequn.commerce.web;

import java.net.URI;
import java.util.List;
import org.shequn.commerce.Disputes;
import org.shequn.commerce.view.DisputeView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Disputes (争议) over the API: the buyer opens one on their order, the merchant answers, an operator decides in
 * {@code /api/v1/operator/disputes}: {@code {"outcome": "REFUND", "amount": "12.00"}} (in the order's currency) or
 * {@code {"outcome": "REJECT"}}.
 */
@RestController
class DisputeApi {

    record OpenBody(String reason) {
    }

    record AnswerBody(String answer) {
    }

    record DecisionBody(String outcome, String amount, String note) {
    }

    private final Disputes disputes;

    DisputeApi(Disputes disputes) {
        this.disputes = disputes;
    }

    @PostMapping("/api/v1/orders/{id}/dispute")
    ResponseEntity<DisputeView> open(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                                     @RequestBody(required = false) OpenBody body) {
        var dispute = disputes.open(viewer, id, body == null ? null : body.reason());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + id + "/dispute")).body(dispute);
    }

    @GetMapping("/api/v1/orders/{id}/dispute")
    DisputeView of(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return disputes.of(viewer, id);
    }

    @PostMapping("/api/v1/orders/{id}/dispute/answer")
    DisputeView answer(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                       @RequestBody(required = false) AnswerBody body) {
        return disputes.answer(viewer, id, body == null ? null : body.answer());
    }

    /**
     * The queue, oldest first: {@code limit} (1 to 200, 200 when not given) after {@code cursor}. The body stays the
     * bare list it always was, so existing clients read the same first 200; the next page, when there is one, is in a
     * {@code Link: <...?cursor=...>; rel="next"} header (RFC 8288), which clients that page follow.
     */
    @GetMapping("/api/v1/operator/disputes")
    ResponseEntity<List<DisputeView>> undecided(@AuthenticationPrincipal Viewer viewer,
                                                @RequestParam(required = false) String cursor,
                                                @RequestParam(required = false) Integer limit) {
        var page = disputes.undecided(viewer, cursor, limit);
        var response = ResponseEntity.ok();
        if (page.next() != null) {
            var next = "/api/v1/operator/disputes?cursor=" + page.next() + (limit == null ? "" : "&limit=" + limit);
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(page.items());
    }

    @PostMapping("/api/v1/operator/disputes/{id}/decision")
    DisputeView decide(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                       @RequestBody(required = false) DecisionBody body) {
        Viewer.require(viewer);
        var outcome = body == null || body.outcome() == null ? "" : body.outcome().strip();
        return switch (outcome) {
            case "REFUND" -> disputes.decide(viewer, id, disputes.amount(viewer, id, body.amount()), body.note());
            case "REJECT" -> disputes.decide(viewer, id, null, body.note());
            default -> {
                disputes.operatorOnly(viewer); // an operator's question first: others learn nothing of the body
                throw Rejection.invalid("outcome", "commerce.dispute.outcome");
            }
        };
    }
}
