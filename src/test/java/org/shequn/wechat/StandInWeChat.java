package org.shequn.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * WeChat's two API endpoints as documented, on a free local port: {@code /sns/oauth2/access_token} (a code it
 * issued, once, for the right app id and secret → a token; anything else → errcode 40029) and
 * {@code /sns/userinfo} (the right token and openid → the person). It answers {@code text/plain}, as WeChat may.
 */
public final class StandInWeChat implements AutoCloseable {

    public static final String APP_ID = "wx-test-app";
    public static final String APP_SECRET = "test-secret-" + UUID.randomUUID();

    /** A WeChat user; {@code unionid} may be null (an app not attached to an open platform account). */
    public record Person(String openid, String unionid, String nickname) {
        public static Person fresh(String nickname) {
            var id = UUID.randomUUID().toString().replace("-", "");
            return new Person("o" + id.substring(0, 27), "u" + id.substring(5, 32), nickname);
        }
    }

    private final HttpServer server;
    private final Map<String, Person> codes = new ConcurrentHashMap<>();
    private final Map<String, Person> tokens = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    public StandInWeChat() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sns/oauth2/access_token", this::token);
        server.createContext("/sns/userinfo", this::userInfo);
        server.createContext("/connect/qrconnect", this::authorize);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What WeChat hands the browser after this person scanned the QR code and confirmed. */
    String codeFor(Person person) {
        var code = "c" + UUID.randomUUID().toString().replace("-", "");
        codes.put(code, person);
        return code;
    }

    /** Who "scans the QR code" on the stand-in authorize page (browser tests), and where the app really listens. */
    public volatile Person scanning;
    public volatile String appBase;

    /**
     * The QR-code page, for browser tests: the person in {@link #scanning} confirms at once, and the browser goes
     * back to redirect_uri's path on {@link #appBase} (the app's random port) with a code and the state.
     */
    private void authorize(HttpExchange exchange) throws IOException {
        var query = query(exchange);
        var back = URI.create(query.get("redirect_uri"));
        var location = appBase + back.getPath() + "?code=" + codeFor(scanning) + "&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    public String authorizeUrl() {
        return baseUrl() + "/connect/qrconnect";
    }

    private void token(HttpExchange exchange) throws IOException {
        var query = query(exchange);
        requests.add("token");
        var person = codes.remove(query.getOrDefault("code", ""));
        if (person == null || !APP_ID.equals(query.get("appid")) || !APP_SECRET.equals(query.get("secret"))
                || !"authorization_code".equals(query.get("grant_type"))) {
            answer(exchange, "{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
            return;
        }
        var token = "at-" + UUID.randomUUID();
        tokens.put(token, person);
        answer(exchange, "{\"access_token\":\"" + token + "\",\"expires_in\":7200,\"refresh_token\":\"rt-x\","
                + "\"openid\":\"" + person.openid() + "\",\"scope\":\"snsapi_login\""
                + (person.unionid() == null ? "" : ",\"unionid\":\"" + person.unionid() + "\"") + "}");
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        var query = query(exchange);
        requests.add("userinfo");
        var person = tokens.get(query.getOrDefault("access_token", ""));
        if (person == null || !person.openid().equals(query.get("openid"))) {
            answer(exchange, "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid\"}");
            return;
        }
        answer(exchange, "{\"openid\":\"" + person.openid() + "\",\"nickname\":\"" + json(person.nickname())
                + "\",\"sex\":1,\"province\":\"Guangdong\",\"city\":\"Shenzhen\",\"country\":\"CN\","
                + "\"headimgurl\":\"https://thirdwx.qlogo.cn/mmopen/x/0\",\"privilege\":[]"
                + (person.unionid() == null ? "" : ",\"unionid\":\"" + person.unionid() + "\"") + "}");
    }

    private static String json(String text) {
        var out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        var result = new HashMap<String, String>();
        var raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (var pair : raw.split("&")) {
                var eq = pair.indexOf('=');
                if (eq > 0) {
                    result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return result;
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
