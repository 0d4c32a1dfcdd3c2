package org.shequn.browser;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.shequn.Api;
import org.shequn.CommunityFixtures;
import org.shequn.TestClock;
import org.shequn.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application on a real port, driven by Debian's Chromium through Playwright (no browser download).
 * Skipped with a message when Chromium is missing; under CI=true that fails instead. Screenshots go to
 * {@code target/screenshots/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClock.Configuration.class)
abstract class BrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SHEQUN_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            var message = "Chromium not found at " + CHROMIUM
                    + ": apt-get install -y chromium fonts-wqy-zenhei (or set SHEQUN_CHROMIUM) to run the browser tests.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true: " + message);
            }
            Assumptions.abort(message);
        }
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A fresh visitor (own cookies), in Chinese, at phone width when {@code phone}. */
    BrowserContext visitor(boolean phone) {
        return browser.newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN")
                .setViewportSize(phone ? 390 : 1280, phone ? 844 : 900));
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    static final String PASSWORD = "secret-pass-1";

    /** Someone with an account: the e-mail to log in with and an API token for setting the scene. */
    record Account(long id, String email, String token) {

        RequestOptions auth() {
            return RequestOptions.create().setHeader("Authorization", "Bearer " + token);
        }
    }

    /** Signs up through the real form, which leaves {@code page} (and its context) logged in. */
    Account signUp(BrowserContext context, Page page, String name) {
        var email = Api.unique("browser") + "@example.com";
        page.navigate(url("/register"));
        page.fill("input[name=email]", email);
        page.fill("input[name=displayName]", name);
        page.fill("input[name=password]", PASSWORD);
        page.click("button[type=submit]");
        // a newcomer is welcomed in steps (see welcome(...)); the account exists from here
        page.waitForURL("**/welcome**");
        var token = token(context.request(), email);
        var me = context.request().get(url("/api/v1/me"), RequestOptions.create().setHeader("Authorization", "Bearer " + token));
        return new Account(Api.read(me.text()).get("id").asLong(), email, token);
    }

    /** An account made through the API only, for someone who never opens a page. */
    Account registerThroughApi(APIRequestContext request, String name) {
        var email = Api.unique("browser-api") + "@example.com";
        var created = Api.read(request.post(url("/api/v1/auth/register"), RequestOptions.create()
                .setData(Map.of("email", email, "password", PASSWORD, "displayName", name))).text());
        return new Account(created.get("id").asLong(), email, token(request, email));
    }

    private String token(APIRequestContext request, String email) {
        return Api.read(request.post(url("/api/v1/auth/tokens"), RequestOptions.create()
                .setData(Map.of("email", email, "password", PASSWORD, "name", "browser"))).text()).get("token").asString();
    }

    /** Logs in through the real form. */
    void logIn(Page page, Account account) {
        page.navigate(url("/login"));
        page.fill("input[name=email]", account.email());
        page.fill("input[name=password]", PASSWORD);
        page.click("form button[type=submit]");
        page.waitForLoadState();
    }

    /** {@code owner} creates a community through the API; returns its slug. */
    String createCommunity(APIRequestContext request, Account owner, Map<String, Object> settings) {
        var created = request.post(url("/api/v1/communities"), owner.auth().setData(settings));
        org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);
        return (String) settings.get("slug");
    }

    /** {@code owner} creates an open community (anyone may join, 40 seats) through the API; returns its slug. */
    String createOpenCommunity(APIRequestContext request, Account owner, String slugPrefix) {
        var slug = Api.unique(slugPrefix);
        return createCommunity(request, owner, CommunityFixtures.settings(slug, "OPEN", 40));
    }

    /** {@code member} joins an open community through the API. */
    void join(APIRequestContext request, Account member, String slug) {
        var joined = request.post(url("/api/v1/communities/" + slug + "/join"), member.auth());
        org.assertj.core.api.Assertions.assertThat(joined.status()).isEqualTo(201);
    }

    /** {@code author} publishes a post through the API; returns its id. */
    long post(APIRequestContext request, Account author, String slug, Map<String, Object> post) {
        var response = request.post(url("/api/v1/communities/" + slug + "/posts"), author.auth().setData(post));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(201);
        return Api.read(response.text()).get("id").asLong();
    }

    /** Waits until the member suggestions (the directory fills after a join commits) offer someone for {@code q}. */
    void awaitSuggested(Page page, APIRequestContext request, Account viewer, String slug, String q) {
        var path = "/api/v1/communities/" + slug + "/members/suggest?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        for (int i = 0; i < 100 && request.get(url(path), viewer.auth()).text().length() < 5; i++) {
            page.waitForTimeout(200);
        }
    }

    /** Reloads the community's search page until it shows {@code count} results for {@code q} (indexing is asynchronous). */
    void searchUntil(Page page, String slug, String q, int count) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            page.navigate(url("/c/" + slug + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
            int found = page.locator(".search-results li").count();
            if (found == count) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("search for " + q + " found " + found + ", expected " + count);
            }
            page.waitForTimeout(500);
        }
    }

    /**
     * Every visible image has loaded (a broken picture is a bug); images inside a closed sticker picker are lazy and
     * not fetched. Then back to the top for the screenshot.
     */
    static void loaded(Page page) {
        page.waitForFunction("() => [...document.images].filter(i => i.checkVisibility())"
                + ".every(i => i.complete && i.naturalWidth > 0)");
        page.evaluate("() => window.scrollTo(0, 0)");
    }
}
