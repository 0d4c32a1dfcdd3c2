package org.shequn.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Errors that happen outside our controllers (a malformed URL rejected by the server, a failing filter)
 * land on {@code /error}; they get the same problem+json or error page as everything else, in the user's
 * language. Visiting {@code /error} directly is simply a 404.
 */
@Controller
class ErrorPages implements ErrorController {

    private final Problems problems;
    private final MessageSource messages;

    ErrorPages(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        var kind = kindOf(status);
        var rejection = new Rejection(kind, messageKey(kind), List.of());
        var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String original && original.startsWith("/api/")) {
            return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON)
                    .body(problems.of(rejection, RequestContextUtils.getLocale(request), request));
        }
        var page = ErrorPage.view(rejection, PageContexts.of(request, messages), RequestContextUtils.getLocale(request),
                messages, problems);
        // the status the container reported (a 400 it refused, say), even where no kind has exactly that number
        page.setStatus(HttpStatusCode.valueOf(status));
        page.addObject("status", status);
        return page;
    }

    private static ProblemKind kindOf(int status) {
        for (var kind : ProblemKind.values()) {
            if (kind.status() == status) {
                return kind;
            }
        }
        return status >= 500 ? ProblemKind.INTERNAL : ProblemKind.VALIDATION;
    }

    private static String messageKey(ProblemKind kind) {
        return switch (kind) {
            case VALIDATION -> "problem.unreadable";
            case UNAUTHENTICATED -> "problem.unauthenticated";
            case FORBIDDEN -> "problem.forbidden";
            case NOT_FOUND -> "problem.notFound";
            case METHOD_NOT_ALLOWED -> "problem.methodNotAllowed";
            case CONFLICT, RATE_LIMITED -> "problem.validation";
            case TOO_LARGE -> "problem.tooLarge";
            case UNSUPPORTED_MEDIA_TYPE -> "problem.mediaType";
            case INTERNAL -> "problem.internal";
        };
    }
}
