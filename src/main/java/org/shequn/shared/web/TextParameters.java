package org.shequn.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shequn.shared.Rejection;
import org.shequn.shared.text.ControlCharacters;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Form fields and query parameters obey the same text rule as JSON bodies ({@link StrictJson}), checked once
 * before any controller reads them (some read the raw values, as the application form does its answers). The
 * refusal names the field: a problem for the API, the error page for pages ({@link ErrorHandling}).
 */
class TextParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (var parameter : request.getParameterMap().entrySet()) {
            for (var value : parameter.getValue()) {
                if (value != null && ControlCharacters.in(value)) {
                    throw Rejection.invalid(parameter.getKey(), "validation.noControlCharacters");
                }
            }
        }
        return true;
    }
}
