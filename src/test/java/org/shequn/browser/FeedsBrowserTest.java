package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIRequestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * @mention autocomplete in the comment box, the rendered link, and the feed tabs (latest / hot / following),
 * at desktop width and at 390 px.
 */
class FeedsBrowserTest extends BrowserTest {

    @Test
    void anOwnerMentionsAMemberInACommentAndSwitchesFeedTabs() {
        try (var owner = visitor(false); var helper = visitor(false); var phone = visitor(true)) {
            var page = owner.newPage();
            var me = signUp(owner, page, "关注群主");
            var slug = createOpenCommunity(owner.request(), me, "fb-");

            var api = helper.request();
            var member = registerThroughApi(api, "王小明");
            join(api, member, slug);
            org.assertj.core.api.Assertions.assertThat(owner.request().put(url("/api/v1/people/" + member.id() + "/follow"),
                    me.auth()).status()).isEqualTo(204);
            long quiet = discussion(api, member, slug, "第一篇：还没人回复", List.of("读书"));
            long busy = discussion(api, member, slug, "第二篇：今天读完了《置身事内》，大家怎么看？", List.of("读书", "经济"));
            discussion(api, member, slug, "第三篇：最新的一篇", List.of());
            awaitSuggested(page, api, me, slug, "王");

            page.navigate(url("/c/" + slug + "/posts/" + busy));
            var box = page.locator("form.comment-form textarea[name=body]");
            box.click();
            // straight after Chinese text, no space needed
            box.pressSequentially("说得好@王");
            assertThat(page.locator(".mention-option")).hasText("王小明");
            screenshot(page, "feeds-01-mention-suggest-desktop");
            page.locator(".mention-option").first().click();
            org.assertj.core.api.Assertions.assertThat(box.inputValue())
                    .isEqualTo("说得好@[王小明](member:" + member.id() + ") ");
            box.pressSequentially("你也来聊聊");
            page.click("form.comment-form button[type=submit]");
            var link = page.locator(".comment a[href='/c/" + slug + "/members/" + member.id() + "']");
            assertThat(link).hasText("@王小明");
            screenshot(page, "feeds-02-comment-with-mention-desktop");

            // keyboard: Enter picks the highlighted suggestion in a reply box too
            page.locator(".reply-box summary").first().click();
            var reply = page.locator(".reply-box textarea").first();
            reply.pressSequentially("@王小");
            assertThat(page.locator(".reply-box .mention-option")).hasCount(1);
            reply.press("Enter");
            org.assertj.core.api.Assertions.assertThat(reply.inputValue()).startsWith("@[王小明](member:");

            page.navigate(url("/c/" + slug + "/posts"));
            assertThat(page.locator(".post-list .post-card").first()).containsText("第三篇");
            page.click(".view-switch a:has-text('热门')");
            page.waitForURL("**view=hot**");
            assertThat(page.locator(".post-list .post-card").first()).containsText("第二篇");
            assertThat(page.locator(".post-card")).hasCount(3);
            screenshot(page, "feeds-03-hot-desktop");
            page.locator("#post-" + busy + " a.tag:has-text('经济')").click();
            page.waitForURL("**tag=**");
            assertThat(page.locator(".post-card")).hasCount(1);
            page.click(".view-switch a:has-text('关注')");
            page.waitForURL("**/following");
            assertThat(page.locator(".following-item")).hasCount(3);
            screenshot(page, "feeds-04-following-desktop");
            org.assertj.core.api.Assertions.assertThat(quiet).isPositive();

            var small = phone.newPage();
            logIn(small, me);
            small.navigate(url("/c/" + slug + "/posts?view=hot"));
            assertThat(small.locator(".view-switch a.active")).hasText("热门");
            screenshot(small, "feeds-05-hot-phone");
            small.navigate(url("/following"));
            assertThat(small.locator(".following-item")).hasCount(3);
            screenshot(small, "feeds-06-following-phone");
            small.navigate(url("/c/" + slug + "/posts/" + busy));
            var phoneBox = small.locator("form.comment-form textarea[name=body]");
            phoneBox.click();
            phoneBox.pressSequentially("@王");
            assertThat(small.locator("form.comment-form .mention-option")).hasText("王小明");
            screenshot(small, "feeds-07-mention-phone");
        }
    }

    private long discussion(APIRequestContext request, Account author, String slug, String body, List<String> tags) {
        return post(request, author, slug, Map.of("kind", "DISCUSSION", "body", body, "tags", tags));
    }

}
