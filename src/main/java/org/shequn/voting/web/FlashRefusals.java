package org.shequn.voting.web;

import org.shequn.shared.Rejection;
import org.shequn.shared.web.Flash;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A vote or nomination from a page: who may not act at all gets the error page (401–404); a refusal of what was
 * sent (twice, too late, not on the roll, a bad choice) is said at the top of the page it came from.
 */
final class FlashRefusals {

    private FlashRefusals() {
    }

    static String redirect(String page, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (Rejection rejection) {
            int status = rejection.kind().status();
            if (status >= 401 && status <= 404 && !"voting.election.notOnRoll".equals(rejection.messageKey())) {
                throw rejection;
            }
            var problem = rejection.fieldProblems().isEmpty() ? null : rejection.fieldProblems().getFirst();
            if (problem != null) {
                Flash.warn(redirect, problem.message(), problem.args());
            } else {
                Flash.warn(redirect, rejection.messageKey(), rejection.args());
            }
        }
        return "redirect:" + page;
    }
}
