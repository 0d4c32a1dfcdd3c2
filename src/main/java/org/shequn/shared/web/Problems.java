package org.shequn.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Turns a {@link Rejection} into an RFC 9457 problem document in the caller's language. */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    /** One entry of the {@code errors} member: which field, and what is wrong with it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message) {
    }

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(Rejection rejection, Locale locale, HttpServletRequest request) {
        var kind = rejection.kind();
        var problem = ProblemDetail.forStatus(kind.status());
        problem.setType(URI.create(kind.type()));
        problem.setTitle(messages.getMessage("problem.title." + kind.name().toLowerCase(Locale.ROOT), null,
                kind.name(), locale));
        problem.setDetail(messages.getMessage(rejection.messageKey(), rejection.args(), rejection.messageKey(), locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        if (!rejection.fieldProblems().isEmpty()) {
            problem.setProperty("errors", fieldErrors(rejection, locale));
        }
        // the way out a refusal offers (an ended membership: renew), for API clients as for the error page
        rejection.action().ifPresent(a -> problem.setProperty("action", java.util.Map.of("href", a.href(),
                "label", messages.getMessage(a.labelKey(), null, a.labelKey(), locale))));
        return problem;
    }

    /** The rejection's field problems in the caller's language (an error page lists them too). */
    public List<FieldError> fieldErrors(Rejection rejection, Locale locale) {
        return rejection.fieldProblems().stream()
                .map(p -> new FieldError(p.field(), messages.getMessage(p.message(), p.args(), p.message(), locale)))
                .toList();
    }

    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    public static Rejection simple(ProblemKind kind, String key) {
        return new Rejection(kind, key, List.of());
    }
}
