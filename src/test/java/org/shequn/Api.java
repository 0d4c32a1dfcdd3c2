package org.shequn;


import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives {@code /api/v1} the way a script would: JSON bodies and a personal token as Bearer. */
public class Api {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** A registered account and the token that acts as it. */
    public record User(long id, String email, String displayName, String token) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    private final MockMvc mvc;

    public Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    public User register(String displayName) {
        var email = unique("user") + "@example.com";
        try {
            var created = read(mvc.perform(MockMvcRequestBuilders.post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(Map.of("email", email, "password", "secret-pass-1",
                            "displayName", displayName)))).andReturn().getResponse().getContentAsString());
            if (!created.has("id")) {
                throw new IllegalStateException("registration failed: " + created);
            }
            var token = read(mvc.perform(MockMvcRequestBuilders.post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(Map.of("email", email, "password", "secret-pass-1", "name", "test"))))
                    .andReturn().getResponse().getContentAsString());
            return new User(created.get("id").asLong(), email, displayName, token.get("token").asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The operator with this e-mail (named in the test's {@code shequn.operators}), registered on first use, with a new
     * token; fails when the application does not take the account for an operator.
     */
    public User operator(String email, String displayName) {
        try {
            mvc.perform(MockMvcRequestBuilders.post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(Map.of("email", email, "password", "secret-pass-1",
                            "displayName", displayName))));
            var token = read(mvc.perform(MockMvcRequestBuilders.post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(Map.of("email", email, "password", "secret-pass-1"))))
                    .andReturn().getResponse().getContentAsString()).get("token").asString();
            var me = read(mvc.perform(MockMvcRequestBuilders.get("/api/v1/me").header("Authorization", "Bearer " + token))
                    .andReturn().getResponse().getContentAsString());
            if (!me.get("operator").asBoolean()) {
                throw new IllegalStateException(email + " is not an operator: is it in shequn.operators?");
            }
            return new User(me.get("id").asLong(), email, displayName, token);
        } catch (Exception e) {
            throw e instanceof IllegalStateException ise ? ise : new IllegalStateException(e);
        }
    }

    /** A POST with a new {@code Idempotency-Key}, as every order and payment call takes. */
    public ResultActions postWithKey(User user, String path, Object body) throws Exception {
        return mvc.perform(json(as(user, MockMvcRequestBuilders.post(path)), body).header("Idempotency-Key", unique("k-")));
    }

    public ResultActions get(User user, String path) throws Exception {
        return mvc.perform(as(user, MockMvcRequestBuilders.get(path)));
    }

    public ResultActions post(User user, String path, Object body) throws Exception {
        return mvc.perform(json(as(user, MockMvcRequestBuilders.post(path)), body));
    }

    public ResultActions put(User user, String path, Object body) throws Exception {
        return mvc.perform(json(as(user, MockMvcRequestBuilders.put(path)), body));
    }

    public ResultActions patch(User user, String path, Object body) throws Exception {
        return mvc.perform(json(as(user, MockMvcRequestBuilders.patch(path)), body));
    }

    public ResultActions delete(User user, String path) throws Exception {
        return mvc.perform(as(user, MockMvcRequestBuilders.delete(path)));
    }

    /** Sends a raw body, for malformed-input tests. */
    public ResultActions postRaw(User user, String path, String body, MediaType type) throws Exception {
        return mvc.perform(as(user, MockMvcRequestBuilders.post(path)).contentType(type).content(body));
    }

    public static JsonNode read(String body) {
        return JSON.readTree(body);
    }

    public static JsonNode body(ResultActions result) throws Exception {
        return read(result.andReturn().getResponse().getContentAsString());
    }

    /** A JSON object from alternating keys and values, allowing nulls (unlike Map.of). */
    public static Map<String, Object> obj(Object... keyValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static MockHttpServletRequestBuilder as(User user, MockHttpServletRequestBuilder request) {
        request.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        return user == null ? request : request.header("Authorization", user.bearer());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
        return body == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
    }


}
