package org.shequn.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AccountApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(mvc);
    }

    @Test
    void registersAndActsWithAPersonalToken() throws Exception {
        var user = api().register("张三");
        api().get(user, "/api/v1/me").andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(user.id()))
                .andExpect(jsonPath("$.displayName").value("张三"));
    }

    @Test
    void storesOnlyAnAdaptiveHashOfThePassword() {
        var user = api().register("hash");
        var hash = jdbc.sql("select password_hash from accounts where id = ?").param(user.id()).query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain("secret-pass-1");
    }

    @Test
    void refusesADuplicateEmailWithConflict() throws Exception {
        var user = api().register("dup");
        api().post(null, "/api/v1/auth/register", Api.obj("email", user.email().toUpperCase(), "password", "another-pass",
                        "displayName", "dup2"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/conflict"))
                .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void explainsEachInvalidFieldInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/v1/auth/register").header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not-an-email\",\"password\":\"short\",\"displayName\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation"))
                .andExpect(jsonPath("$.errors[?(@.field == 'email')].message").value("Not a valid email address."))
                .andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'displayName')]").exists());
        mvc.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not-an-email\",\"password\":\"long-enough\",\"displayName\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("邮箱格式不正确。"));
    }

    @Test
    void answersMalformedJsonWith400NotA500() throws Exception {
        for (var body : new String[] {"{", "[]", "null", "{\"email\": {\"$ne\": 1}}", "{\"email\": 12, \"password\": []}"}) {
            mvc.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void refusesAnOversizedBodyBeforeReadingIt() throws Exception {
        var huge = "{\"email\":\"" + "a".repeat(1_100_000) + "\"}";
        mvc.perform(post("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void anUnknownOrRevokedTokenIsUnauthorized() throws Exception {
        var user = api().register("revoker");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer shq_nonsense"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
        var tokens = Api.body(api().get(user, "/api/v1/me/tokens").andExpect(status().isOk()));
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).has("token")).isFalse();
        api().delete(user, "/api/v1/me/tokens/" + tokens.get(0).get("id").asLong()).andExpect(status().isNoContent());
        api().get(user, "/api/v1/me").andExpect(status().isUnauthorized());
    }

    @Test
    void anonymousCallersAreUnauthorized() throws Exception {
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me/tokens")).andExpect(status().isUnauthorized());
    }

    @Test
    void changesPasswordOnlyWithTheCurrentOne() throws Exception {
        var user = api().register("pw");
        api().put(user, "/api/v1/me/password", Api.obj("currentPassword", "wrong-one", "newPassword", "new-secret-2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        api().put(user, "/api/v1/me/password", Api.obj("currentPassword", "secret-pass-1", "newPassword", "new-secret-2"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + user.email() + "\",\"password\":\"new-secret-2\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void aNumberIsNoPasswordAndThePasswordStaysAsItWas() throws Exception {
        var user = api().register("数字密码");
        var before = jdbc.sql("select password_hash from accounts where id = ?").param(user.id()).query(String.class).single();
        for (var body : new String[] {"{\"currentPassword\": \"secret-pass-1\", \"newPassword\": 12345678}",
                "{\"currentPassword\": \"secret-pass-1\", \"newPassword\": 1.5e9}",
                "{\"currentPassword\": \"secret-pass-1\", \"newPassword\": true}",
                "{\"currentPassword\": \"secret-pass-1\", \"newPassword\": [\"new-secret-2\"]}",
                "{\"currentPassword\": \"secret-pass-1\", \"newPassword\": {\"value\": \"new-secret-2\"}}"}) {
            mvc.perform(put("/api/v1/me/password").header("Authorization", user.bearer())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                    .andExpect(jsonPath("$.errors[0].message").value("须为文本（字符串）。"));
        }
        mvc.perform(put("/api/v1/me/password").header("Authorization", user.bearer()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": 12345678, \"newPassword\": \"new-secret-2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"))
                .andExpect(jsonPath("$.errors[0].message").value("Must be text (a JSON string)."));
        assertThat(jdbc.sql("select password_hash from accounts where id = ?").param(user.id()).query(String.class).single())
                .isEqualTo(before);
        mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + user.email() + "\",\"password\":\"secret-pass-1\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void aControlCharacterInASignInEmailIsAWrongSignInNotAServerError() throws Exception {
        mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a\\u0000@example.com\",\"password\":\"secret-pass-1\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(post("/login").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("email", "a\u0000@example.com").param("password", "secret-pass-1"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/login?error=bad"));
    }

    @Test
    void locksTheAccountAfterRepeatedFailures() throws Exception {
        var user = api().register("locked");
        var wrong = "{\"email\":\"" + user.email() + "\",\"password\":\"wrong-password\"}";
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON).content(wrong))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON).content(wrong))
                .andExpect(status().isTooManyRequests());
        // Even the right password is refused while the lock lasts.
        mvc.perform(post("/api/v1/auth/tokens").header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + user.email() + "\",\"password\":\"secret-pass-1\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("locked")));
    }

    @Test
    void servesTheOpenApiDocument() throws Exception {
        mvc.perform(get("/api/openapi.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/auth/register']").exists());
    }
}
