package org.shequn;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A browser-like client for page tests: keeps the SESSION cookie the database-backed session repository
 * issues (a MockHttpSession would bypass it) and adds a CSRF token to form posts.
 */
public class WebSession {

    private final MockMvc mvc;
    private Cookie session;
    private Cookie lang;

    public WebSession(MockMvc mvc) {
        this.mvc = mvc;
    }

    public WebSession english() {
        this.lang = new Cookie("shequn-lang", "en");
        return this;
    }

    /** Registers a new account through the form and stays signed in as it; returns the email. */
    public String register(String displayName) throws Exception {
        var email = Api.unique("web") + "@example.com";
        form("/register", "email", email, "password", "secret-pass-1", "displayName", displayName);
        return email;
    }

    public ResultActions get(String path) throws Exception {
        return perform(MockMvcRequestBuilders.get(path));
    }

    /** Posts a form: alternating field names and values. */
    public ResultActions form(String path, String... fields) throws Exception {
        var request = MockMvcRequestBuilders.post(path).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return perform(request);
    }

    public ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        if (lang != null) {
            request.cookie(lang);
        }
        var result = mvc.perform(request);
        var issued = result.andReturn().getResponse().getCookie("SESSION");
        if (issued != null) {
            session = issued.getMaxAge() == 0 ? null : issued;
        }
        return result;
    }
}
