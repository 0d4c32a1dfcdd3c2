package org.shequn.shared.web;

import java.util.Locale;
import java.util.Map;
import org.shequn.shared.Rejection;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page a person sees for a refusal, made in one place for the three ways one reaches them: a use case's
 * {@link Rejection} ({@link ErrorHandling}), the container's error dispatch ({@link ErrorPages}) and a request refused
 * before Spring MVC ({@link EarlyRefusal}, which renders the same model itself).
 */
final class ErrorPage {

    static final String TEMPLATE = "error/page";

    private ErrorPage() {
    }

    static Map<String, Object> model(Rejection rejection, PageContext ctx, Locale locale, MessageSource messages,
                                     Problems problems) {
        var model = new java.util.HashMap<String, Object>(Map.of("ctx", ctx, "status", rejection.kind().status(),
                "message", messages.getMessage(rejection.messageKey(), rejection.args(), rejection.messageKey(), locale),
                "errors", problems.fieldErrors(rejection, locale)));
        rejection.action().ifPresent(a -> {
            model.put("actionHref", a.href());
            model.put("actionLabel", messages.getMessage(a.labelKey(), null, a.labelKey(), locale));
        });
        return model;
    }

    static ModelAndView view(Rejection rejection, PageContext ctx, Locale locale, MessageSource messages,
                             Problems problems) {
        var page = new ModelAndView(TEMPLATE, model(rejection, ctx, locale, messages, problems));
        page.setStatus(HttpStatusCode.valueOf(rejection.kind().status()));
        return page;
    }
}
