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
            screenshot(page, "00-home-phone");
            page.getByText("注册").first().click();
            page.fill("input[name=email]", Api.unique("smoke") + "@example.com");
            page.fill("input[name=displayName]", "烟雾测试");
            page.fill("input[name=password]", "secret-pass-1");
            page.click("button[type=submit]");
            page.waitForURL("**/profile/edit**");
            assertThat(page.locator("body")).containsText("烟雾测试");
            screenshot(page, "01-profile-edit-phone");
        }
    }
}
