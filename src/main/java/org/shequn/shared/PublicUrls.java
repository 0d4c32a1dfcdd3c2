package org.shequn.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links that leave the site (an invitation pasted into WeChat, a link in a mail) must be absolute: they are made
 * from the configured public address ({@code shequn.base-url}, {@code SHEQUN_BASE_URL}), never from the request,
 * whose Host header anyone can set.
 */
@Component
public class PublicUrls {

    private final String base;

    public PublicUrls(@Value("${shequn.base-url:http://localhost:8080}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** {@code path} starts with a slash. */
    public String of(String path) {
        return base + path;
    }
}
