package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shequn.Api;

class SmokeBrowserTest extends BrowserTest {

    @Test
    void aVisitorRegistersAndLandsOnTheProfileEditorInChinese() {
        try (var context = visitor(true)) {
            var page = context.newPage();
            page.navigate(url("/"));
            assertThat(page.locator("h1")).containsText("小而活跃的社群");
            // htmx must load under the page's Content-Security-Policy, or every enhancement silently dies
            org.assertj.core.api.Assertions.assertThat(page.evaluate("() => typeof window.htmx")).isEqualTo("object");
            screenshot(page, "00-home-phone");
            page.getByText("注册").first().click();
            page.fill("input[name=email]", Api.unique("smoke") + "@example.com");
            page.fill("input[name=displayName]", "烟雾测试");
            page.fill("input[name=password]", "secret-pass-1");
            page.click("button[type=submit]");
            page.waitForURL("**/welcome**");
            assertThat(page.locator("input[name=displayName]")).hasValue("烟雾测试");
            screenshot(page, "01-welcome-phone");
            // the people page composes the social module's panel through htmx
            page.navigate(url("/settings/account"));
            // on a phone one's own name sits in the top bar's menu
            page.locator("header .account-menu > summary").click();
            page.locator("header a.menu-me").click();
            assertThat(page.locator("#social")).containsText("关注者");
        }
    }
}
