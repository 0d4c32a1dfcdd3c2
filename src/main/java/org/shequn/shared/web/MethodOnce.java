package org.shequn.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the dispatcher a request that answers {@code getMethod()} from a field. Finding the handler asks
 * every request mapping whether its HTTP method matches (more than two hundred of them), and each question
 * went down the chain of wrappers the session and security filters put around the request: about a twentieth
 * of a feed request's CPU time in a profile. The innermost filter, so every other one sees the request as before.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class MethodOnce extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Known(request), response);
    }

    private static final class Known extends HttpServletRequestWrapper {

        private final String method;

        Known(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
