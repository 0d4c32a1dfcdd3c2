package org.shequn.wechat;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

/**
 * One trip to WeChat and back, kept in the browser's session (database-backed, so any node can finish it): the
 * random {@code state} WeChat must hand back, where to go afterwards, the account it binds to (null for signing
 * in) and when it stops being valid. The session holds one at a time and gives it up at the callback, whatever
 * the outcome, so a {@code state} works once.
 */
public record WeChatAttempt(String state, String next, Long bindTo, Instant expiresAt) implements Serializable {

    public static final String SESSION_ATTRIBUTE = WeChatAttempt.class.getName();
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    static WeChatAttempt start(Long bindTo, String next, Instant now) {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return new WeChatAttempt(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), next, bindTo,
                now.plus(LIFETIME));
    }

    /**
     * The state WeChat handed back is this attempt's (compared in constant time), it has not expired, and the
     * browser is still signed in as it was when it left (so a bind cannot land on another account).
     */
    boolean accepts(String returnedState, Long signedInAs, Instant now) {
        return returnedState != null
                && MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), returnedState.getBytes(StandardCharsets.UTF_8))
                && now.isBefore(expiresAt)
                && java.util.Objects.equals(bindTo, signedInAs);
    }
}
