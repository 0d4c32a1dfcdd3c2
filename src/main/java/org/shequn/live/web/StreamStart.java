package org.shequn.live.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Starts sending to a newly opened event stream once the request's thread has left every filter. Until then
 * that thread still writes the response's headers (Spring Security writes its headers after the chain
 * returns) while the first event, written by a sender thread, commits them, and Tomcat's headers are not
 * safe for two threads: under load one stream in about 2,000 was never answered (a NullPointerException in
 * Tomcat's MimeHeaders, and the client waited for ever). The outermost filter, so nothing runs after it.
 */
@Component
class StreamStart extends OncePerRequestFilter implements Ordered {

    private static final String START = StreamStart.class.getName() + ".START";

    /** Asks for {@code start} to run when this request's thread is done with it. */
    static void after(HttpServletRequest request, Runnable start) {
        request.setAttribute(START, start);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(START) instanceof Runnable start) {
                request.removeAttribute(START);
                start.run();
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
