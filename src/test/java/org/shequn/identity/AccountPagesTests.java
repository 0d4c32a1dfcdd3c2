package org.shequn.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.shequn.WebSession;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AccountPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void homePageSpeaksChineseByDefaultAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("发现社群")));
        mvc.perform(get("/").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(content().string(Matchers.containsString("Discover")));
        var cookie = mvc.perform(get("/?lang=en")).andReturn().getResponse().getCookie("shequn-lang");
        assertThat(cookie).isNotNull();
        mvc.perform(get("/").cookie(cookie)).andExpect(content().string(Matchers.containsString("Discover")));
    }

    @Test
    void servesHtmxFromTheWebjarAtTheAddressPagesUse() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("htmx")));
    }

    @Test
    void registersSignsInAndOutThroughTheForms() throws Exception {
        var browser = new WebSession(mvc);
        var email = browser.register("王五");
        browser.get("/settings/account").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("王五")));
        browser.form("/logout").andExpect(redirectedUrl("/"));
        browser.get("/settings/account").andExpect(status().is3xxRedirection());

        var other = new WebSession(mvc);
        other.form("/login", "email", email, "password", "secret-pass-1").andExpect(redirectedUrl("/"));
        other.get("/settings/account").andExpect(status().isOk());
    }

    @Test
    void keepsSessionsInTheDatabaseSoAnyNodeCanServeThem() throws Exception {
        var email = Api.unique("sess") + "@example.com";
        mvc.perform(post("/register").with(csrf()).param("email", email).param("password", "secret-pass-1")
                .param("displayName", "赵六")).andExpect(status().is3xxRedirection());
        var sessions = jdbc.sql("select count(*) from spring_session where principal_name is not null")
                .query(Integer.class).single();
        assertThat(sessions).isPositive();
    }

    @Test
    void aSessionIsNamedByItsAccountSoTheLongestDisplayNameSignsIn() throws Exception {
        var email = Api.unique("long") + "@example.com";
        var name = "长".repeat(40);
        mvc.perform(post("/register").with(csrf()).param("email", email).param("password", "secret-pass-1")
                .param("displayName", name)).andExpect(status().is3xxRedirection());
        var id = jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
        var names = jdbc.sql("select principal_name from spring_session where principal_name is not null")
                .query(String.class).list();
        assertThat(names).contains(Long.toString(id)).allSatisfy(n -> assertThat(n).doesNotContain(name));
    }

    @Test
    void anonymousVisitorsAndApiScriptsCreateNoSessions() throws Exception {
        var user = new Api(mvc).register("脚本");
        var before = jdbc.sql("select count(*) from spring_session").query(Integer.class).single();
        for (var path : new String[] {"/", "/communities", "/register", "/login"}) {
            var response = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getCookie("SESSION")).as(path).isNull();
        }
        for (int i = 0; i < 3; i++) {
            var response = new Api(mvc).get(user, "/api/v1/me").andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getCookie("SESSION")).isNull();
        }
        var after = jdbc.sql("select count(*) from spring_session").query(Integer.class).single();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void refusesFormsWithoutACsrfToken() throws Exception {
        mvc.perform(post("/register").param("email", Api.unique("csrf") + "@example.com").param("password", "secret-pass-1")
                .param("displayName", "x")).andExpect(status().is3xxRedirection());
        var count = jdbc.sql("select count(*) from accounts where display_name = 'x'").query(Integer.class).single();
        assertThat(count).isZero();
    }

    @Test
    void showsFieldErrorsOnTheRegisterFormAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/register").with(csrf()).param("email", "bad").param("password", "1").param("displayName", "<script>alert(1)</script>"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("邮箱格式不正确")))
                .andExpect(content().string(Matchers.containsString("&lt;script")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert(1)"))));
    }

    @Test
    void showsAClearMessageWhenSignInFails() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("email", "nobody@example.com").param("password", "whatever-1"))
                .andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(get("/login?error=bad")).andExpect(content().string(Matchers.containsString("邮箱或密码不正确")));
    }

    @Test
    void neverRedirectsToAnotherSiteAfterSignIn() throws Exception {
        var email = Api.unique("next") + "@example.com";
        mvc.perform(post("/register").with(csrf()).param("email", email).param("password", "secret-pass-1").param("displayName", "n"));
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "secret-pass-1").param("next", "//evil.example"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aReturnPathWithControlCharactersOrAnotherSiteLeadsHomeAfterSignIn() throws Exception {
        var email = Api.unique("next") + "@example.com";
        mvc.perform(post("/register").with(csrf()).param("email", email).param("password", "secret-pass-1").param("displayName", "n"));
        for (var next : new String[] {"/c/x\r\nSet-Cookie: evil=1", "/c/x\nLocation: https://evil.example", "/\t/evil.example",
                "/c/x\u0000", "/c/x\u007f", "/c/x\u0085", "/\\evil.example", "https://evil.example/", "c/relative",
                "/c/x y", ""}) {
            mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "secret-pass-1").param("next", next))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/"));
        }
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "secret-pass-1")
                        .param("next", "/c/some-community?tab=members"))
                .andExpect(redirectedUrl("/c/some-community?tab=members"));
    }
}
