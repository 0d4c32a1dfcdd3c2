package org.shequn.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for every mutating API call (orders, payments, paid entry and the rest), in one place: a
 * signed-in caller's POST, PUT, PATCH or DELETE under {@code /api/v1/} that carries the header is run once per
 * (account, key). Its answer is kept and sent again, byte for byte, to the same key with the same method, path and
 * body (marked {@code Idempotent-Replayed: true}); the same key with another request is refused (409), as is a second
 * request while the first is still running. A server error is not kept, so the client may try again with the key.
 * Requests without the header run as before; uploads (multipart) are not covered.
 */
@Component
@Order(0) // after Spring Security's chain (-100), which says who the caller is
class IdempotencyKeys extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_.:-]{1,100}$");
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_KEPT = 65_536;

    private final IdempotencyStore store;
    private final EarlyRefusal refusal;
    private final Clock clock;

    IdempotencyKeys(IdempotencyStore store, EarlyRefusal refusal, Clock clock) {
        this.store = store;
        this.refusal = refusal;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var type = request.getContentType();
        return request.getHeader(HEADER) == null || !MUTATING.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/v1/")
                || (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Viewer viewer)) {
            chain.doFilter(request, response); // refused as unauthenticated further on, or not an account's call
            return;
        }
        var key = request.getHeader(HEADER).strip();
        if (!KEY.matcher(key).matches()) {
            refusal.send(Rejection.invalid(HEADER, "problem.idempotency.key"), request, response);
            return;
        }
        var body = request.getInputStream().readAllBytes();
        var hash = hash(request, body);
        long account = viewer.accountId();
        if (!store.claim(account, key, hash, clock.instant())) {
            var stored = store.find(account, key).orElse(null);
            if (stored == null) {
                // released between our insert and our read: the first failed; this one may claim it
                if (!store.claim(account, key, hash, clock.instant())) {
                    refusal.send(Rejection.conflict("problem.idempotency.running"), request, response);
                    return;
                }
            } else if (!stored.requestHash().equals(hash)) {
                refusal.send(Rejection.conflict("problem.idempotency.mismatch"), request, response);
                return;
            } else if (stored.running()) {
                refusal.send(Rejection.conflict("problem.idempotency.running"), request, response);
                return;
            } else {
                replay(stored, response);
                return;
            }
        }
        var wrapped = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new Replayable(request, body), wrapped);
            var answer = wrapped.getContentAsByteArray();
            var text = new String(answer, StandardCharsets.UTF_8);
            if (wrapped.getStatus() < 500 && text.length() <= MAX_KEPT) {
                store.complete(account, key, wrapped.getStatus(), wrapped.getContentType(), wrapped.getHeader("Location"), text);
                kept = true;
            }
        } finally {
            if (!kept) {
                store.release(account, key);
            }
            wrapped.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyStore.Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader("Location", stored.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        var bytes = stored.body() == null ? new byte[0] : stored.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var query = request.getQueryString();
            digest.update((request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body, already read for the hash, readable again. */
    private static final class Replayable extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayable(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
