package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.RequestOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two members of one community: B has the conversation open while A writes, and A's message appears without a
 * reload; B's list and the navigation's badge count what B has not read. Screenshots at phone and desktop width.
 */
class MessagesBrowserTest extends BrowserTest {

    @Test
    void aPrivateMessageArrivesLiveOnTheOpenConversation() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        try (var aContext = visitor(false); var bContext = visitor(true)) {
            var a = aContext.newPage();
            var aAccount = signUp(aContext, a, "阿明");
            var slug = createOpenCommunity(aContext.request(), aAccount, "dm-browser-");
            var b = bContext.newPage();
            var bAccount = signUp(bContext, b, "小红");
            join(bContext.request(), bAccount, slug);

            // A finds the 私信 button on B's profile and writes the first message
            a.navigate(url("/people/" + bAccount.id()));
            a.click("a.message-button");
            a.waitForURL("**/messages/" + bAccount.id());
            a.fill("textarea[name=body]", "你好小红！\n周末的读书会你来吗？");
            a.click("#compose button[type=submit]");
            a.waitForURL("**/messages/" + bAccount.id() + "**");
            assertThat(a.locator("#messages .message.mine")).hasCount(1);

            // B sees the unread badge and the conversation in the list
            b.navigate(url("/messages"));
            assertThat(b.locator("#messages-badge")).hasText("1");
            assertThat(b.locator(".conversation-item .badge")).hasText("1");
            assertThat(b.locator("#conversation-list")).hasAttribute("data-connected", "true");
            loaded(b);
            screenshot(b, "messages-01-list-phone");

            // B opens it (read), and keeps it open while A writes again: it arrives without a reload
            b.click(".conversation-link");
            b.waitForURL("**/messages/" + aAccount.id());
            assertThat(b.locator("#conversation")).hasAttribute("data-connected", "true");
            assertThat(b.locator("#messages-badge")).isHidden();
            var sent = aContext.request().post(url("/api/v1/messages/" + bAccount.id()),
                    aAccount.auth().setData(Map.of("body", "<script>alert(1)</script> 下午三点，二楼见")));
            org.assertj.core.api.Assertions.assertThat(sent.status()).isEqualTo(201);
            assertThat(b.locator("#messages .message.theirs")).hasCount(2);
            assertThat(b.locator("#messages .message.theirs").last().locator(".message-body"))
                    .hasText("<script>alert(1)</script> 下午三点，二楼见");
            // read as it arrived on the open page
            for (int i = 0; i < 50 && unread(bContext.request(), bAccount) > 0; i++) {
                b.waitForTimeout(200);
            }
            org.assertj.core.api.Assertions.assertThat(unread(bContext.request(), bAccount)).isZero();
            b.fill("textarea[name=body]", "好的，不见不散");
            b.click("#compose button[type=submit]");
            b.waitForURL("**/messages/" + aAccount.id() + "**");
            loaded(b);
            screenshot(b, "messages-02-conversation-phone");

            a.navigate(url("/messages/" + bAccount.id()));
            assertThat(a.locator("#messages .message")).hasCount(3);
            loaded(a);
            screenshot(a, "messages-03-conversation-desktop");
            a.navigate(url("/messages"));
            loaded(a);
            screenshot(a, "messages-04-list-desktop");
            a.navigate(url("/messages/settings"));
            screenshot(a, "messages-05-settings-desktop");
            b.navigate(url("/messages/settings"));
            screenshot(b, "messages-06-settings-phone");
        } finally {
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        }
    }

    private int unread(com.microsoft.playwright.APIRequestContext request, Account account) {
        var response = request.get(url("/api/v1/messages/unread"), RequestOptions.create()
                .setHeader("Authorization", "Bearer " + account.token()));
        return org.shequn.Api.read(response.text()).get("unread").asInt();
    }
}
