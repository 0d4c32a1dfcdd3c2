package org.shequn.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's two calls after the browser comes back with a code: {@code /sns/oauth2/access_token} (code → access
 * token, openid, unionid) and {@code /sns/userinfo} (→ nickname). Both answer HTTP 200 even on failure, with an
 * {@code errcode} in the body, and may call their JSON {@code text/plain}: the body is read as JSON whatever its
 * type, and an errcode, a missing id or an unreachable WeChat are all the same "微信登录失败，请重试" to the
 * person. Nothing logged carries the secret, the code or the access token (they travel in the query string, so
 * no URL is logged either).
 */
@Component
class WeChatClient {

    private static final Logger log = LoggerFactory.getLogger(WeChatClient.class);
    /** What WeChat's codes and ids look like; anything else is refused before it reaches a URL or the database. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_BODY = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WeChatSettings settings;
    /** Built on the first call: a client starts a thread of its own, and most nodes never sign anyone in with WeChat. */
    private HttpClient http;

    WeChatClient(WeChatSettings settings) {
        this.settings = settings;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
    }

    /** The person behind a code WeChat handed to the browser; a {@link #failed()} rejection for anything wrong. */
    WeChatUser exchange(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw failed();
        }
        var token = call("access_token", "/sns/oauth2/access_token?appid=" + enc(settings.appId())
                + "&secret=" + enc(settings.appSecret()) + "&code=" + enc(code) + "&grant_type=authorization_code");
        var accessToken = text(token, "access_token");
        var openid = text(token, "openid");
        if (accessToken == null || accessToken.length() > 512 || !validId(openid)) {
            log.warn("WeChat code exchange answered without an access token or openid");
            throw failed();
        }
        var info = call("userinfo", "/sns/userinfo?access_token=" + enc(accessToken) + "&openid=" + enc(openid)
                + "&lang=zh_CN");
        if (!openid.equals(text(info, "openid"))) {
            log.warn("WeChat user info answered for another openid");
            throw failed();
        }
        var unionid = text(info, "unionid") != null ? text(info, "unionid") : text(token, "unionid");
        if (unionid != null && !validId(unionid)) {
            throw failed();
        }
        return new WeChatUser(openid, unionid, WeChatNickname.of(text(info, "nickname")).value());
    }

    private JsonNode call(String what, String pathAndQuery) {
        var request = HttpRequest.newBuilder(URI.create(settings.apiBaseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build();
        try {
            var response = http().send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (var in = response.body()) {
                body = in.readNBytes(MAX_BODY);
            }
            if (response.statusCode() != 200) {
                log.warn("WeChat {} answered HTTP {}", what, response.statusCode());
                throw failed();
            }
            var json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            var errcode = json.path("errcode").asInt(0);
            if (errcode != 0 || !json.isObject()) {
                log.warn("WeChat {} refused: errcode {}", what, errcode);
                throw failed();
            }
            return json;
        } catch (IOException | JacksonException e) {
            log.warn("WeChat {} failed: {}", what, e.getClass().getSimpleName());
            throw failed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed();
        }
    }

    static Rejection failed() {
        return new Rejection(ProblemKind.VALIDATION, "wechat.failed", List.of());
    }

    private static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value != null && value.isString() && !value.stringValue().isEmpty() ? value.stringValue() : null;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
