package org.shequn.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every failure becomes a 4xx the user can act on: problem+json under {@code /api/}, an error page (or
 * the login page) elsewhere. Only a bug is a 500, and it is logged.
 */
@ControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final Problems problems;
    private final MessageSource messages;

    ErrorHandling(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(Rejection.class)
    Object rejected(Rejection rejection, HttpServletRequest request, HttpServletResponse response) {
        if (Problems.isApi(request)) {
            var body = problems.of(rejection, RequestContextUtils.getLocale(request), request);
            return ResponseEntity.status(rejection.kind().status()).contentType(Problems.PROBLEM_JSON).body(body);
        }
        if (rejection.kind() == ProblemKind.UNAUTHENTICATED) {
            var target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return new ModelAndView("redirect:/login?next=" + java.net.URLEncoder.encode(
                    "GET".equals(request.getMethod()) ? target : "/", java.nio.charset.StandardCharsets.UTF_8));
        }
        return ErrorPage.view(rejection, PageContexts.of(request, messages), RequestContextUtils.getLocale(request),
                messages, problems);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    Object invalidBody(MethodArgumentNotValidException e, HttpServletRequest request, HttpServletResponse response) {
        List<Rejection.FieldProblem> fields = new ArrayList<>();
        var locale = RequestContextUtils.getLocale(request);
        e.getBindingResult().getFieldErrors().forEach(f ->
                fields.add(new Rejection.FieldProblem(f.getField(), messages.getMessage(f, locale))));
        return rejected(Rejection.invalid(fields), request, response);
    }

    /** A body that is no JSON, or a value of the wrong type ({@link StrictJson}): the field and what it must be. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            var field = new StringBuilder();
            for (var ref : mismatch.getPath()) {
                if (ref.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
            return rejected(wrongType(field.toString(), mismatch), request, response);
        }
        return rejected(Rejection.invalid("body", "problem.unreadable"), request, response);
    }

    private static Rejection wrongType(String field, MismatchedInputException mismatch) {
        if (mismatch instanceof StrictJson.ControlCharacterInText) {
            return Rejection.invalid(field, "validation.noControlCharacters");
        }
        var type = mismatch.getTargetType();
        if (type == null) {
            return Rejection.invalid(field, "problem.wrongType");
        }
        if (type.isEnum()) {
            var names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return Rejection.invalid(field, "problem.type.choice", names);
        }
        if (type == String.class) {
            return Rejection.invalid(field, "problem.type.text");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Rejection.invalid(field, "problem.type.boolean");
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return Rejection.invalid(field, "problem.type.number");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return Rejection.invalid(field, "problem.type.list");
        }
        return Rejection.invalid(field, "problem.wrongType");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class})
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        return rejected(Rejection.invalid(e.getName(), "problem.wrongType"), request, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request,
                            HttpServletResponse response) {
        return rejected(Rejection.invalid(e.getParameterName(), "validation.required"), request, response);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object invalidParameter(HandlerMethodValidationException e, HttpServletRequest request, HttpServletResponse response) {
        return rejected(Problems.simple(ProblemKind.VALIDATION, "problem.validation"), request, response);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object wrongMethod(HttpServletRequest request, HttpServletResponse response) {
        return rejected(Problems.simple(ProblemKind.METHOD_NOT_ALLOWED, "problem.methodNotAllowed"), request, response);
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    Object wrongMediaType(HttpServletRequest request, HttpServletResponse response) {
        return rejected(Problems.simple(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "problem.mediaType"), request, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object uploadTooLarge(HttpServletRequest request, HttpServletResponse response) {
        return rejected(Rejection.tooLarge("problem.tooLarge"), request, response);
    }

    @ExceptionHandler(MultipartException.class)
    Object badMultipart(MultipartException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.getRootCause() != null && e.getRootCause().getClass().getSimpleName().contains("SizeLimit")) {
            return uploadTooLarge(request, response);
        }
        return rejected(Rejection.invalid("file", "problem.unreadable"), request, response);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noSuchPage(HttpServletRequest request, HttpServletResponse response) {
        return rejected(Problems.simple(ProblemKind.NOT_FOUND, "problem.notFound"), request, response);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    Object denied(HttpServletRequest request, HttpServletResponse response) {
        return rejected(Rejection.forbidden("problem.forbidden"), request, response);
    }

    @ExceptionHandler(Exception.class)
    Object bug(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return rejected(Problems.simple(ProblemKind.INTERNAL, "problem.internal"), request, response);
    }
}
