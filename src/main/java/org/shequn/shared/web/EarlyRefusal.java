package org.shequn.shared.web;

import gg.jte.TemplateEngine;
import gg.jte.output.PrintWriterOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.shequn.shared.Rejection;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a {@link Rejection} from a servlet filter, before Spring MVC (and before Spring Security): the same
 * problem+json or error page as {@link ErrorHandling}, in the language of the cookie or the browser. Such a
 * request is not handed on, not even to {@code /error}: what is wrong with it (an undecodable query string)
 * would fail there again.
 */
@Component
class EarlyRefusal {

    private final Problems problems;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final TemplateEngine templates;

    EarlyRefusal(Problems problems, MessageSource messages, LocaleResolver locales, JsonMapper json,
                 TemplateEngine templates) {
        this.problems = problems;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.templates = templates;
    }

    void send(Rejection rejection, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var locale = locales.resolveLocale(request);
        response.setStatus(rejection.kind().status());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (Problems.isApi(request)) {
            response.setContentType(Problems.PROBLEM_JSON.toString());
            json.writeValue(response.getOutputStream(), problems.of(rejection, locale, request));
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        // nobody is signed in yet at this point of the chain: the page shows the signed-out header
        var ctx = new PageContext(messages, locale, null, null, request.getRequestURI());
        templates.render(ErrorPage.TEMPLATE + ".jte", ErrorPage.model(rejection, ctx, locale, messages, problems),
                new PrintWriterOutput(response.getWriter()));
    }
}
