package org.shequn.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's answer to a refused form, the same everywhere: the form (or the item's page holding it) again, with each
 * field's message beside its input and the rejection's status (400, 409...), filled in by the caller's {@code fill};
 * a refusal that names no field is not the form's to show and goes on to the error page. On an item's page a conflict
 * that names no field (done already, closed meanwhile) is a warning above the page instead, after a redirect.
 */
@Component
public class FormPages {

    private final MessageSource messages;

    FormPages(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code view} again with the rejection's messages, or the rejection thrown on when it names no field. */
    public String again(String view, Rejection rejection, HttpServletResponse response, Model model, Consumer<Model> fill) {
        if (rejection.fieldProblems().isEmpty()) {
            throw rejection;
        }
        response.setStatus(rejection.kind().status());
        fill.accept(model);
        model.addAttribute("errors", FormErrors.of(rejection, messages, LocaleContextHolder.getLocale()));
        return view;
    }

    /**
     * As {@link #again}, for a form on an item's page at {@code pageUrl}: a conflict naming no field is a warning
     * there (an archived community's is not: that goes to the error page, as everywhere).
     */
    public String pageAgain(String view, String pageUrl, Rejection rejection, HttpServletResponse response, Model model,
                            RedirectAttributes redirect, Consumer<Model> fill) {
        if (rejection.kind() == ProblemKind.CONFLICT && rejection.fieldProblems().isEmpty()
                && !rejection.messageKey().endsWith(".archived")) {
            Flash.warn(redirect, rejection.messageKey(), rejection.args());
            return "redirect:" + pageUrl;
        }
        return again(view, rejection, response, model, fill);
    }

    /**
     * A form field's text read by {@code parser}: null when blank; when it cannot be read, null and a problem
     * {@code badKey} on {@code name} added to {@code problems}, so a form reports all its unreadable fields at once.
     */
    public static <T> T field(String text, String name, Function<String, T> parser, String badKey,
                              List<Rejection.FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text.strip());
        } catch (RuntimeException unreadable) {
            problems.add(new Rejection.FieldProblem(name, badKey));
            return null;
        }
    }
}
