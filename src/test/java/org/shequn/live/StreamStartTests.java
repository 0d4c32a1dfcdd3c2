package org.shequn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * On a real Tomcat: an event stream's first event is written only after the request's own thread has left
 * every filter. Spring Security writes its headers while that thread unwinds, and a sender thread writing the
 * first event at the same moment corrupted Tomcat's headers and lost the response (one stream in about 2,000
 * under load). A filter inside Spring Security's here holds the unwinding thread for a while and records
 * whether the response was already being written meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@Import(StreamStartTests.SlowUnwinding.class)
class StreamStartTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Whether the response was committed when the request thread came back out through the slow filter. */
    static final List<Boolean> COMMITTED_WHILE_UNWINDING = new CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;

    @TestConfiguration
    static class SlowUnwinding {

        @Bean
        FilterRegistrationBean<Filter> slowUnwinding() {
            Filter filter = (request, response, chain) -> {
                chain.doFilter(request, response);
                if (((HttpServletRequest) request).getRequestURI().endsWith("/live")) {
                    try {
                        Thread.sleep(300); // time enough for a sender thread to write the first event
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    COMMITTED_WHILE_UNWINDING.add(((HttpServletResponse) response).isCommitted());
                }
            };
            var registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(0); // inside Spring Security's filter chain (-100), which writes headers after it
            return registration;
        }
    }

    @Test
    void aStreamIsAnsweredWithItsHeadersAndEventsOnlyOnceTheRequestThreadIsDone() throws Exception {
        var token = register("直播主");
        var slug = Api.unique("stream-start-");
        assertThat(send("POST", "/api/v1/communities", token, CommunityFixtures.settings(slug)).statusCode()).isEqualTo(201);
        COMMITTED_WHILE_UNWINDING.clear();

        var response = HTTP.send(request("/api/v1/communities/" + slug + "/live", token)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        var lines = new CopyOnWriteArrayList<String>();
        Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test is over
            }
        });
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event:ready"));
            assertThat(COMMITTED_WHILE_UNWINDING).containsExactly(false);
            // Spring Security's headers were written whole, by the request's thread
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).isPresent();
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            // and events written later still arrive
            long post = Api.read(send("POST", "/api/v1/communities/" + slug + "/posts", token,
                    Map.of("kind", "DISCUSSION", "body", "开播了")).body()).get("id").asLong();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(String.join("\n", lines))
                    .contains("\"kind\":\"POST\"").contains("\"id\":" + post));
        } finally {
            response.body().close();
        }
    }

    private String register(String name) throws Exception {
        var email = Api.unique("stream") + "@example.com";
        send("POST", "/api/v1/auth/register", null, Map.of("email", email, "password", "secret-pass-1", "displayName", name));
        return Api.read(send("POST", "/api/v1/auth/tokens", null,
                Map.of("email", email, "password", "secret-pass-1", "name", "test")).body()).get("token").asString();
    }

    private HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        var request = request(path, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }
}
