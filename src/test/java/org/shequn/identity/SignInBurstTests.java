package org.shequn.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Wrong passwords sent all at once: the lock holds as it does for guesses one after another, because each
 * attempt is counted in the database before its password is checked.
 */
@IntegrationTest
class SignInBurstTests {

    private static final String RIGHT = "secret-pass-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Value("${shequn.login.max-failures}")
    int maxFailures;

    @Test
    void thirtyParallelWrongGuessesGetNoMoreChecksThanTheLimit() throws Exception {
        var user = new Api(mvc).register("并发猜密码");
        var statuses = burst(user.email(), 30, null);
        // as one after another: four answered "wrong", the fifth locks, the rest find it locked
        assertThat(statuses).isEqualTo(Map.of(401, maxFailures - 1, 429, 30 - (maxFailures - 1)));
        assertThat(signIn(user.email(), RIGHT).getStatus()).isEqualTo(429);
    }

    @Test
    void theRightPasswordInsideABurstGetsNoTokenOnceTheLimitIsReached() throws Exception {
        var user = new Api(mvc).register("夹在中间");
        var statuses = burst(user.email(), 20, () -> {
            // the right password goes out while the wrong ones are still arriving, once the limit is reached
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (lockedUntilIsSet(user.id()) == Boolean.FALSE && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return signIn(user.email(), RIGHT);
        });
        assertThat(statuses.getOrDefault(201, 0)).as("tokens issued").isZero();
        assertThat(statuses.getOrDefault(401, 0)).isLessThanOrEqualTo(maxFailures - 1);
        assertThat(statuses.get(429)).isEqualTo(21 - statuses.getOrDefault(401, 0));
        assertThat(tokens(user.id())).as("only the registration's token").isEqualTo(1);
        var locked = signIn(user.email(), RIGHT);
        assertThat(locked.getStatus()).isEqualTo(429);
        assertThat(locked.getContentAsString()).contains("锁定");
    }

    /** Sends {@code wrong} wrong guesses at once (and the extra request, if any); the answers counted by status. */
    private Map<Integer, Integer> burst(String email, int wrong, java.util.concurrent.Callable<MockHttpServletResponse> extra)
            throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(wrong + 1)) {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (int i = 0; i < wrong; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return signIn(email, "wrong-password");
                }));
            }
            if (extra != null) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return extra.call();
                }));
            }
            start.countDown();
            var statuses = new TreeMap<Integer, Integer>();
            for (var answer : answers) {
                statuses.merge(answer.get().getStatus(), 1, Integer::sum);
            }
            return statuses;
        }
    }

    private MockHttpServletResponse signIn(String email, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content(Api.JSON.writeValueAsString(Map.of("email", email, "password", password))))
                .andReturn().getResponse();
    }

    private Boolean lockedUntilIsSet(long accountId) {
        return jdbc.sql("select locked_until is not null from accounts where id = ?").param(accountId)
                .query(Boolean.class).single();
    }

    private int tokens(long accountId) {
        return jdbc.sql("select count(*) from api_tokens where account_id = ?").param(accountId)
                .query(Integer.class).single();
    }
}
