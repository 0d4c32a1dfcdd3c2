package org.shequn.messaging;

import org.shequn.shared.Rejection;
import org.shequn.shared.text.ControlCharacters;

/**
 * A message's text: plain text, 1 to 2,000 characters after trimming, line breaks allowed, other control
 * characters refused. Never Markdown or HTML: pages escape it and keep its line breaks.
 */
record MessageText(String value) {

    static final int MAX = 2000;

    static MessageText of(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw Rejection.invalid(field, "messaging.body.required");
        }
        var text = raw.replace("\r\n", "\n").strip();
        if (text.codePointCount(0, text.length()) > MAX) {
            throw Rejection.invalid(field, "messaging.body.tooLong", MAX);
        }
        if (ControlCharacters.in(text)) {
            throw Rejection.invalid(field, "messaging.body.control");
        }
        return new MessageText(text);
    }
}
