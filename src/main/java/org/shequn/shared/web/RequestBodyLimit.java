package org.shequn.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.shequn.shared.Rejection;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a non-upload body above 1 MiB before anything reads it, by its declared length. Uploads
 * (multipart) are bounded by the multipart limits instead; chunked bodies without a length are bounded
 * by Tomcat's form limit and Jackson reading from a stream we cap in {@link BoundedRequest}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestBodyLimit extends OncePerRequestFilter {

    static final long MAX_BODY_BYTES = 1024 * 1024;

    private final EarlyRefusal refusal;

    RequestBodyLimit(EarlyRefusal refusal) {
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
        if (!multipart && request.getContentLengthLong() > MAX_BODY_BYTES) {
            refusal.send(Rejection.tooLarge("problem.bodyTooLarge"), request, response);
            return;
        }
        chain.doFilter(multipart ? request : new BoundedRequest(request, MAX_BODY_BYTES), response);
    }
}
