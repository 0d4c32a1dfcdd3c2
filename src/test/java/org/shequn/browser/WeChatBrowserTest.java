package org.shequn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.shequn.wechat.StandInWeChat;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 微信登录 in a real browser: the button on the sign-in page, WeChat's authorize page (a stand-in on a free local
 * port that confirms at once), back on the profile page as a new account, then the binding on the settings page.
 */
class WeChatBrowserTest extends BrowserTest {

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
        registry.add("shequn.wechat.authorize-url", WECHAT::authorizeUrl);
        registry.add("shequn.wechat.api-base-url", WECHAT::baseUrl);
    }

    @AfterAll
    static void stopWeChat() {
        WECHAT.close();
    }

    @Test
    void aNewcomerSignsInWithWeChatAndSeesTheBindingInSettings() {
        WECHAT.appBase = url("");
        for (var phone : new boolean[] {true, false}) {
            var width = phone ? "390" : "1280";
            try (var context = visitor(phone)) {
                var page = context.newPage();
                page.navigate(url("/login"));
                screenshot(page, "wechat-login-" + width);
                assertThat(page.locator("a.button:has-text('微信登录')").count()).isEqualTo(1);
                assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();

                WECHAT.scanning = StandInWeChat.Person.fresh(phone ? "手机上的阿强" : "桌面上的小美");
                page.click("a.button:has-text('微信登录')");
                page.waitForURL("**/welcome**");
                assertThat(page.locator(".flash").textContent()).contains("已用微信创建账号");
                screenshot(page, "wechat-welcome-" + width);

                page.navigate(url("/settings/account"));
                assertThat(page.locator(".signin-binding").textContent()).contains(WECHAT.scanning.nickname());
                assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
                screenshot(page, "wechat-settings-" + width);
            }
        }
    }
}
