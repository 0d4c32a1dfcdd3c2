package org.shequn;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that need Redis (the machine's, at 127.0.0.1:6379, or SHEQUN_TEST_REDIS_HOST / SHEQUN_TEST_REDIS_PORT):
 * skipped with a message saying how to enable them when no Redis answers; under CI ({@code CI=true}) a
 * missing Redis fails the run instead, as {@link DatabaseAvailability} does for PostgreSQL.
 */
public class RedisAvailability implements ExecutionCondition {

    public static final String HOST = env("SHEQUN_TEST_REDIS_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("SHEQUN_TEST_REDIS_PORT", "6379"));

    private static Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (reachable()) {
            return ConditionEvaluationResult.enabled("Redis answers");
        }
        var message = "Redis does not answer at " + HOST + ":" + PORT
                + ": start Redis or set SHEQUN_TEST_REDIS_HOST / SHEQUN_TEST_REDIS_PORT to run the Redis tests.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true: " + message);
        }
        return ConditionEvaluationResult.disabled(message);
    }

    /** A plain PING over a socket: no client library needed to decide whether to run. */
    private static synchronized boolean reachable() {
        if (reachable == null) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, PORT), 2_000);
                socket.setSoTimeout(2_000);
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                var reply = new byte[7];
                int n = socket.getInputStream().read(reply);
                reachable = n > 0 && new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
            } catch (IOException e) {
                System.err.println("[shequn] Redis tests: " + e.getMessage());
                reachable = false;
            }
        }
        return reachable;
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
