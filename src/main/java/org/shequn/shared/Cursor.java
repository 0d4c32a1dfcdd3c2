package org.shequn.shared;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * An opaque keyset-pagination position: the sort value and id of the last row seen. Stable under
 * concurrent inserts, unlike OFFSET.
 */
public record Cursor(String sortKey, long id) {

    /** A position after a row sorted by a timestamp, then id. */
    public static Cursor at(OffsetDateTime time, long id) {
        return new Cursor(time.toString(), id);
    }

    /** The timestamp of a cursor made by {@link #at}; a tampered one is a 400. */
    public OffsetDateTime time() {
        try {
            return OffsetDateTime.parse(sortKey);
        } catch (RuntimeException e) {
            throw Rejection.invalid("cursor", "problem.cursor");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((sortKey + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for a missing cursor (first page); a malformed one is a 400. */
    public static Cursor decode(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            var text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.lastIndexOf('|');
            return new Cursor(text.substring(0, bar), Long.parseLong(text.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw Rejection.invalid("cursor", "problem.cursor");
        }
    }
}
