package org.shequn.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, in one place and before anything reads a parameter, a request whose parameters cannot be decoded:
 * a query string with a {@code %} not followed by two hex digits or with bytes that are no UTF-8 (a cut-off
 * character), and a form body Tomcat cannot decode. Tomcat throws from the first {@code getParameter} of such a
 * request, and again on every later one: Spring Security's request cache, the language switch or a controller
 * would each turn it into a 500. Ahead of Spring Security and the session, so nothing runs before the refusal.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class ParameterEncoding extends OncePerRequestFilter {

    private final EarlyRefusal refusal;

    ParameterEncoding(EarlyRefusal refusal) {
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!wellFormed(request.getQueryString())) {
            refusal.send(Problems.simple(ProblemKind.VALIDATION, "problem.encoding"), request, response);
            return;
        }
        var type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            try {
                request.getParameterMap();
            } catch (InvalidParameterException e) {
                refusal.send(e.getErrorCode() == 413 ? Rejection.tooLarge("problem.tooLarge")
                        : Problems.simple(ProblemKind.VALIDATION, "problem.encoding"), request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Every {@code %} starts an escape of two hex digits, and the text they spell is UTF-8. */
    static boolean wellFormed(String query) {
        if (query == null) {
            return true;
        }
        // %, hex digits and every other ASCII character are one byte each in UTF-8, and no byte of a longer
        // character is ASCII: the escapes can be decoded in place
        var raw = query.getBytes(StandardCharsets.UTF_8);
        var decoded = ByteBuffer.allocate(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%') {
                int high = i + 2 < raw.length ? hex(raw[i + 1]) : -1;
                int low = i + 2 < raw.length ? hex(raw[i + 2]) : -1;
                if (high < 0 || low < 0) {
                    return false;
                }
                decoded.put((byte) (high << 4 | low));
                i += 2;
            } else {
                decoded.put(raw[i]);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(decoded.flip());
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
