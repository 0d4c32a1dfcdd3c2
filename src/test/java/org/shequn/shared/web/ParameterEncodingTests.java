package org.shequn.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.shequn.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * On a real Tomcat, with the exact bytes a client sent (a URI class would refuse to build these addresses):
 * Tomcat itself decodes parameters, and used to throw for a broken escape on the first read, which answered 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class ParameterEncodingTests {

    @LocalServerPort
    int port;

    record Answer(int status, String headers, String body) {
    }

    @Test
    void aQueryStringThatCannotBeDecodedIsA400ProblemForTheApi() throws Exception {
        for (var target : new String[] {"/api/v1/communities?q=%ZZ", "/api/v1/communities?q=%", "/api/v1/communities?q=%4",
                "/api/v1/communities/some-slug/posts?cursor=%ZZ", "/api/v1/search?q=%E4%B8",
                "/api/v1/communities/some-slug/search?q=%E4%B8", "/api/v1/communities?q=%C0%AF&x=1"}) {
            var answer = send("GET " + target, null, null);
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.headers()).as(target).contains("content-type: application/problem+json");
            assertThat(answer.body()).as(target).contains("\"status\":400").contains("无法解码");
        }
        var english = send("POST /api/v1/auth/tokens?x=%G1", "application/json",
                "{\"email\":\"a@example.com\",\"password\":\"secret-pass-1\"}", "Accept-Language: en");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("cannot be decoded").contains("/problems/validation");
    }

    @Test
    void aQueryStringThatCannotBeDecodedIsA400PageForPages() throws Exception {
        for (var target : new String[] {"/?lang=%ZZ", "/communities?q=%E4%B8", "/login?next=%"}) {
            var answer = send("GET " + target, null, null);
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.headers()).as(target).contains("content-type: text/html;charset=utf-8");
            assertThat(answer.body()).as(target).contains("<html lang=\"zh-CN\"").contains("400").contains("无法解码");
        }
        var english = send("GET /?lang=%ZZ", null, null, "Cookie: shequn-lang=en");
        assertThat(english.body()).contains("<html lang=\"en\"").contains("cannot be decoded");
    }

    @Test
    void aFormBodyThatCannotBeDecodedIsA400Too() throws Exception {
        var answer = send("POST /login", "application/x-www-form-urlencoded", "email=%ZZ&password=secret-pass-1");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("无法解码");
    }

    @Test
    void wellFormedEscapesStillWork() throws Exception {
        assertThat(send("GET /api/v1/communities?q=%E4%B8%AD%E6%96%87+x%25", null, null).status()).isEqualTo(200);
        assertThat(send("GET /?lang=en", null, null).status()).isEqualTo(200);
    }

    private Answer send(String requestLine, String contentType, String body, String... headers) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            for (var header : headers) {
                request.append(header).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (contentType != null) {
                request.append("Content-Type: ").append(contentType).append("\r\n")
                        .append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            var out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            var bytes = socket.getInputStream().readAllBytes();
            int split = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            var head = new String(bytes, 0, split, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            int status = Integer.parseInt(head.substring(9, 12));
            var rest = java.util.Arrays.copyOfRange(bytes, split + 4, bytes.length);
            var payload = head.contains("transfer-encoding: chunked") ? unchunked(rest) : rest;
            return new Answer(status, head, new String(payload, StandardCharsets.UTF_8));
        }
    }

    private static byte[] unchunked(byte[] body) {
        var out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, at);
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no end of headers in the answer");
    }
}
