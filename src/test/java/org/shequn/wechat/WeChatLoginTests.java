package org.shequn.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.IntegrationTest;
import org.shequn.WebSession;
import org.shequn.identity.SignedInAccount;
import org.shequn.wechat.StandInWeChat.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat sign-in end to end over HTTP, against a stand-in of WeChat's documented endpoints on a free local port:
 * the sign-in page's button leads to the authorize URL, whose {@code state} the test carries back to the callback
 * with a code the stand-in issued, in the same browser session.
 */
@IntegrationTest
class WeChatLoginTests {

    static final StandInWeChat WECHAT;

    static {
        try {
            WECHAT = new StandInWeChat();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void wechat(DynamicPropertyRegistry registry) {
        registry.add("shequn.wechat.app-id", () -> StandInWeChat.APP_ID);
        registry.add("shequn.wechat.app-secret", () -> StandInWeChat.APP_SECRET);
        registry.add("shequn.wechat.authorize-url", () -> "https://open.weixin.qq.com/connect/qrconnect");
        registry.add("shequn.wechat.api-base-url", WECHAT::baseUrl);
    }

    @AfterAll
    static void stopWeChat() {
        WECHAT.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WeChatLogin login;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Follows the 微信登录 button to WeChat's authorize page and answers the state it carries. */
    private static String toWeChat(WebSession browser, String start) throws Exception {
        var location = browser.get(start).andExpect(status().isFound()).andReturn().getResponse().getHeader("Location");
        return stateOf(location);
    }

    private static String stateOf(String location) {
        assertThat(location).startsWith("https://open.weixin.qq.com/connect/qrconnect?appid=" + StandInWeChat.APP_ID + "&")
                .contains("&redirect_uri=" + java.net.URLEncoder.encode("http://localhost:8080/login/wechat/callback", StandardCharsets.UTF_8))
                .contains("&response_type=code&scope=snsapi_login&state=").endsWith("#wechat_redirect")
                .doesNotContain(StandInWeChat.APP_SECRET);
        var query = URI.create(location).getRawQuery();
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith("state="))
                .map(p -> URLDecoder.decode(p.substring(6), StandardCharsets.UTF_8)).findFirst().orElseThrow();
    }

    private static String callback(String code, String state) {
        return "/login/wechat/callback?code=" + code + "&state=" + state;
    }

    /** A whole sign-in by this person, in this browser; answers where the callback sent it. */
    private String signIn(WebSession browser, Person person) throws Exception {
        var state = toWeChat(browser, "/login/wechat");
        return browser.get(callback(WECHAT.codeFor(person), state)).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
    }

    private static long me(WebSession browser) throws Exception {
        var body = browser.get("/api/v1/me").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("id").asLong();
    }

    private Optional<Long> boundAccount(Person person) {
        return jdbc.sql("select account_id from wechat_identities where openid = ?").param(person.openid())
                .query(Long.class).optional();
    }

    private int accountsNamed(String name) {
        return jdbc.sql("select count(*) from accounts where display_name = ?").param(name).query(Integer.class).single();
    }

    private long accountOf(String email) {
        return jdbc.sql("select id from accounts where email = ?").param(email).query(Long.class).single();
    }

    @Test
    void theSignInAndRegisterPagesOfferWeChatAndKeepNext() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(Matchers.containsString("微信登录")))
                .andExpect(content().string(Matchers.containsString("href=\"/login/wechat\"")));
        mvc.perform(get("/register?next=/c/reading-club/join")).andExpect(content().string(
                Matchers.containsString("href=\"/login/wechat?next=%2Fc%2Freading-club%2Fjoin\"")));
        mvc.perform(get("/login").cookie(new jakarta.servlet.http.Cookie("shequn-lang", "en")))
                .andExpect(content().string(Matchers.containsString("Sign in with WeChat")));
    }

    @Test
    void aNewcomerSignsInWithWeChatAndGetsAnAccountNamedAfterTheirNickname() throws Exception {
        var name = Api.unique("微信");
        var person = Person.fresh(name);
        var browser = new WebSession(mvc);
        var state = toWeChat(browser, "/login/wechat");
        var sessionBefore = browser.get("/login").andReturn().getRequest().getCookies()[0].getValue();
        // a CSRF token someone planted before the sign-in
        var result = browser.perform(get(callback(WECHAT.codeFor(person), state))
                        .cookie(new jakarta.servlet.http.Cookie("XSRF-TOKEN", "planted")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/welcome")).andReturn().getResponse();
        // signed in like the login form does: a new session id and the planted CSRF token dropped
        assertThat(result.getCookie("SESSION")).isNotNull();
        assertThat(result.getCookie("SESSION").getValue()).isNotEqualTo(sessionBefore);
        assertThat(result.getCookies()).anySatisfy(c -> {
            assertThat(c.getName()).isEqualTo("XSRF-TOKEN");
            assertThat(c.getMaxAge()).isZero();
        });

        var account = me(browser);
        assertThat(boundAccount(person)).contains(account);
        assertThat(accountsNamed(name)).isEqualTo(1);
        var row = jdbc.sql("select email, password_hash from accounts where id = ?").param(account)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(row).containsOnlyNulls();
        browser.get("/welcome").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已用微信创建账号")));
        browser.get("/settings/account").andExpect(content().string(Matchers.containsString("已绑定：" + name)))
                .andExpect(content().string(Matchers.containsString("设置邮箱和密码")));

        // the same person again, from another browser: the same account, no second one
        var again = new WebSession(mvc);
        assertThat(signIn(again, person)).isEqualTo("/");
        assertThat(me(again)).isEqualTo(account);
        assertThat(accountsNamed(name)).isEqualTo(1);
    }

    @Test
    void theNextPageSurvivesTheTripToWeChat() throws Exception {
        var browser = new WebSession(mvc);
        var state = toWeChat(browser, "/login/wechat?next=/c/reading-club/join?code=abc");
        browser.get(callback(WECHAT.codeFor(Person.fresh("受邀者")), state))
                .andExpect(redirectedUrl("/c/reading-club/join?code=abc"));

        // another site is never a next page
        var other = new WebSession(mvc);
        var otherState = toWeChat(other, "/login/wechat?next=//evil.example/");
        other.get(callback(WECHAT.codeFor(Person.fresh("外站")), otherState)).andExpect(redirectedUrl("/welcome"));
    }

    @Test
    void refusesAForgedStateAndSignsNobodyIn() throws Exception {
        var person = Person.fresh(Api.unique("伪造"));
        var browser = new WebSession(mvc);
        var state = toWeChat(browser, "/login/wechat");
        browser.get(callback(WECHAT.codeFor(person), state + "x")).andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("未登录任何账号")));
        browser.get("/api/v1/me").andExpect(status().isUnauthorized());
        assertThat(boundAccount(person)).isEmpty();
        assertThat(accountsNamed(person.nickname())).isZero();
        // the refused attempt is used up: its real state no longer works either
        browser.get(callback(WECHAT.codeFor(person), state)).andExpect(status().isForbidden());

        // a state from another browser's session is as good as forged
        var victim = new WebSession(mvc);
        toWeChat(victim, "/login/wechat");
        var attacker = new WebSession(mvc);
        var attackersState = toWeChat(attacker, "/login/wechat");
        victim.get(callback(WECHAT.codeFor(person), attackersState)).andExpect(status().isForbidden());
        // no session at all
        mvc.perform(get(callback(WECHAT.codeFor(person), attackersState))).andExpect(status().isForbidden());
        assertThat(accountsNamed(person.nickname())).isZero();
    }

    @Test
    void refusesAReplayedState() throws Exception {
        var person = Person.fresh("重放");
        var browser = new WebSession(mvc);
        var state = toWeChat(browser, "/login/wechat");
        browser.get(callback(WECHAT.codeFor(person), state)).andExpect(status().isFound());
        var account = me(browser);
        browser.form("/logout");
        browser.get(callback(WECHAT.codeFor(person), state)).andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("已失效")));
        browser.get("/api/v1/me").andExpect(status().isUnauthorized());
        assertThat(boundAccount(person)).contains(account);
    }

    @Test
    void aFailedCodeExchangeIsRefusedWithoutAnAccount() throws Exception {
        var browser = new WebSession(mvc);
        var state = toWeChat(browser, "/login/wechat");
        browser.get(callback("not-a-code-wechat-issued", state)).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("微信登录失败，请重试")));
        browser.get("/api/v1/me").andExpect(status().isUnauthorized());

        // a person who declined in WeChat comes back without a code
        var declined = new WebSession(mvc);
        var declinedState = toWeChat(declined, "/login/wechat");
        declined.get("/login/wechat/callback?state=" + declinedState).andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("没有在微信中确认")));

        // a code that works once: the second exchange fails like any bad code
        var person = Person.fresh(Api.unique("一次"));
        var code = WECHAT.codeFor(person);
        var first = new WebSession(mvc);
        first.get(callback(code, toWeChat(first, "/login/wechat"))).andExpect(status().isFound());
        var second = new WebSession(mvc);
        second.get(callback(code, toWeChat(second, "/login/wechat"))).andExpect(status().isBadRequest());
        assertThat(accountsNamed(person.nickname())).isEqualTo(1);
    }

    @Test
    void aPasswordAccountBindsWeChatAndThenSignsInWithIt() throws Exception {
        var browser = new WebSession(mvc);
        var email = browser.register("有密码的人");
        var account = accountOf(email);
        browser.get("/settings/account").andExpect(content().string(Matchers.containsString("绑定微信")))
                .andExpect(content().string(Matchers.containsString("action=\"/settings/wechat/bind\"")));
        var person = Person.fresh("绑定者");
        var location = browser.form("/settings/wechat/bind").andExpect(status().isFound())
                .andReturn().getResponse().getHeader("Location");
        browser.get(callback(WECHAT.codeFor(person), stateOf(location))).andExpect(redirectedUrl("/settings/account"));
        browser.get("/settings/account").andExpect(content().string(Matchers.containsString("已绑定微信“绑定者”")))
                .andExpect(content().string(Matchers.containsString("已绑定：绑定者")))
                .andExpect(content().string(Matchers.containsString("data-confirm=")));
        assertThat(boundAccount(person)).contains(account);

        var phone = new WebSession(mvc);
        assertThat(signIn(phone, person)).isEqualTo("/");
        assertThat(me(phone)).isEqualTo(account);

        // binding the same WeChat again: nothing to do
        var again = browser.form("/settings/wechat/bind").andReturn().getResponse().getHeader("Location");
        browser.get(callback(WECHAT.codeFor(person), stateOf(again))).andExpect(redirectedUrl("/settings/account"));
        browser.get("/settings/account").andExpect(content().string(Matchers.containsString("无需再次绑定")));

        // a second WeChat for the same account is refused
        var another = browser.form("/settings/wechat/bind").andReturn().getResponse().getHeader("Location");
        browser.get(callback(WECHAT.codeFor(Person.fresh("另一个")), stateOf(another))).andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("已绑定了另一个微信")));
    }

    @Test
    void refusesBindingAWeChatThatIsBoundToAnotherAccount() throws Exception {
        var person = Person.fresh("已有主");
        var owner = new WebSession(mvc);
        signIn(owner, person);
        var ownerAccount = me(owner);

        var browser = new WebSession(mvc);
        var email = browser.register("想抢绑的人");
        var location = browser.form("/settings/wechat/bind").andReturn().getResponse().getHeader("Location");
        browser.get(callback(WECHAT.codeFor(person), stateOf(location))).andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("这个微信已绑定另一个账号")));
        assertThat(boundAccount(person)).contains(ownerAccount);
        assertThat(me(browser)).isEqualTo(accountOf(email));
    }

    @Test
    void twoAccountsBindingOnePersonAtOnceCannotBothWin() throws Exception {
        var person = new WeChatUser("o" + Api.unique("race"), "u" + Api.unique("race"), "同时");
        var first = new WebSession(mvc);
        var second = new WebSession(mvc);
        var a = accountOf(first.register("甲"));
        var b = accountOf(second.register("乙"));
        try (var pool = Executors.newFixedThreadPool(2)) {
            Callable<String> bindA = () -> bind(person, a);
            Callable<String> bindB = () -> bind(person, b);
            var outcomes = pool.invokeAll(java.util.List.of(bindA, bindB));
            var results = new java.util.ArrayList<String>();
            for (var outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsExactlyInAnyOrder("BOUND", "wechat.bound.elsewhere");
        }
        assertThat(jdbc.sql("select count(*) from wechat_identities where openid = ?").param(person.openid())
                .query(Integer.class).single()).isEqualTo(1);
    }

    private String bind(WeChatUser person, long accountId) {
        try {
            return login.finish(person, new SignedInAccount(accountId, "x", false)).kind().name();
        } catch (org.shequn.shared.Rejection rejection) {
            return rejection.messageKey();
        }
    }

    @Test
    void unbindsOnlyWhileAnotherWayToSignInRemains() throws Exception {
        var person = Person.fresh("只有微信");
        var browser = new WebSession(mvc);
        signIn(browser, person);
        var account = me(browser);
        browser.get("/settings/account").andExpect(content().string(Matchers.containsString("设置邮箱和密码后才能解除绑定")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("action=\"/settings/wechat/unbind\""))));
        browser.form("/settings/wechat/unbind").andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("唯一的登录方式")));
        assertThat(boundAccount(person)).contains(account);

        // with an email and a password it may go
        var email = Api.unique("wx") + "@example.com";
        browser.form("/settings/first-password", "email", email, "newPassword", "secret-pass-2")
                .andExpect(redirectedUrl("/settings/account"));
        browser.get("/settings/account").andExpect(content().string(Matchers.containsString("已设置邮箱 " + email)))
                .andExpect(content().string(Matchers.containsString("修改密码")));
        browser.form("/settings/wechat/unbind").andExpect(redirectedUrl("/settings/account"));
        browser.get("/settings/account").andExpect(content().string(Matchers.containsString("已解除绑定微信“只有微信”")))
                .andExpect(content().string(Matchers.containsString("未绑定")));
        assertThat(boundAccount(person)).isEmpty();

        var elsewhere = new WebSession(mvc);
        elsewhere.form("/login", "email", email, "password", "secret-pass-2").andExpect(redirectedUrl("/"));
        assertThat(me(elsewhere)).isEqualTo(account);
        // WeChat now makes a new account for this person
        var phone = new WebSession(mvc);
        signIn(phone, person);
        assertThat(me(phone)).isNotEqualTo(account);
    }

    @Test
    void aPersonWithoutUnionidIsKnownByOpenidAndNicknamesAreCleaned() throws Exception {
        var person = new Person("o" + Api.unique("nou"), null, "\u202E坏\u0007人\t名字" + "好".repeat(60));
        var browser = new WebSession(mvc);
        signIn(browser, person);
        var account = me(browser);
        var name = jdbc.sql("select display_name from accounts where id = ?").param(account).query(String.class).single();
        assertThat(name).isEqualTo(("坏人 名字" + "好".repeat(60)).substring(0, 40));
        var again = new WebSession(mvc);
        signIn(again, person);
        assertThat(me(again)).isEqualTo(account);
        assertThat(WECHAT.requests).isNotEmpty();
    }
}
