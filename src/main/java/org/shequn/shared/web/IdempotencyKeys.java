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
 * Requests without the header run as before. An upload (multipart) is compared by its parts, not its raw bytes: each
 * part's name, file name, type and content, and the form's fields, so a client that sends the same upload again
 * (with a new boundary, as clients do) gets the first answer, and the same key with another file is refused.
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
                || !request.getRequestURI().startsWith("/api/v1/");
    }

    private static boolean multipart(HttpServletRequest request) {
        var type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
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
        String hash;
        HttpServletRequest forwarded;
        if (multipart(request)) {
            try {
                hash = multipartHash(request);
            } catch (IOException | ServletException | IllegalStateException unreadable) {
                // too large or malformed: the handler refuses it as it would without the key, and nothing is kept
                chain.doFilter(request, response);
                return;
            }
            forwarded = request; // the container keeps the parts it parsed for the handler
        } else {
            var body = request.getInputStream().readAllBytes();
            hash = hash(request, body);
            forwarded = new Replayable(request, body);
        }
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
            chain.doFilter(forwarded, wrapped);
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

    /**
     * An upload's hash: method, path and query, then every part (by name, in the order sent within a name) with its
     * file name, content type and content, then the form's fields; each piece length-prefixed so none runs into the next.
     */
    private static String multipartHash(HttpServletRequest request) throws IOException, ServletException {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var query = request.getQueryString();
            piece(digest, request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query));
            var parts = new java.util.ArrayList<>(request.getParts());
            parts.sort(java.util.Comparator.comparing(jakarta.servlet.http.Part::getName));
            for (var part : parts) {
                piece(digest, "part");
                piece(digest, part.getName());
                piece(digest, String.valueOf(part.getSubmittedFileName()));
                piece(digest, String.valueOf(part.getContentType()));
                try (var in = part.getInputStream()) {
                    var content = MessageDigest.getInstance("SHA-256");
                    var buffer = new byte[8192];
                    for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                        content.update(buffer, 0, n);
                    }
                    digest.update(content.digest());
                }
            }
            if (request instanceof org.springframework.web.multipart.MultipartHttpServletRequest resolved) {
                // already resolved by Spring (a test's request, a resolver in front of us): its files count too
                for (var entry : new java.util.TreeMap<>(resolved.getMultiFileMap()).entrySet()) {
                    for (var file : entry.getValue()) {
                        piece(digest, "file");
                        piece(digest, entry.getKey());
                        piece(digest, String.valueOf(file.getOriginalFilename()));
                        piece(digest, String.valueOf(file.getContentType()));
                        digest.update(MessageDigest.getInstance("SHA-256").digest(file.getBytes()));
                    }
                }
            }
            var fields = new java.util.TreeMap<>(request.getParameterMap());
            for (var field : fields.entrySet()) {
                piece(digest, "field");
                piece(digest, field.getKey());
                for (var value : field.getValue()) {
                    piece(digest, value);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void piece(MessageDigest digest, String text) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
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
