package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;

/**
 * @mention autocomplete in the comment box, the rendered link, and the feed tabs (latest / hot / following),
 * at desktop width and at 390 px.
 */
class FeedsBrowserTest extends BrowserTest {

    record Person(long id, String email, String token) {
    }

    @Test
    void anOwnerMentionsAMemberInACommentAndSwitchesFeedTabs() {
        try (var owner = visitor(false); var helper = visitor(false); var phone = visitor(true)) {
            var page = owner.newPage();
            var email = Api.unique("feeds") + "@example.com";
            page.navigate(url("/register"));
            page.fill("input[name=email]", email);
            page.fill("input[name=displayName]", "关注群主");
            page.fill("input[name=password]", "secret-pass-1");
            page.click("button[type=submit]");
            page.waitForURL("**/profile/edit**");
            var me = token(owner.request(), email);
            var slug = Api.unique("fb-");
            var created = owner.request().post(url("/api/v1/communities"), RequestOptions.create()
                    .setHeader("Authorization", "Bearer " + me).setData(CommunityFixtures.settings(slug, "OPEN", 40)));
            org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);

            var member = register(helper.request(), "王小明");
            var api = helper.request();
            org.assertj.core.api.Assertions.assertThat(api.post(url("/api/v1/communities/" + slug + "/join"),
                    auth(member)).status()).isEqualTo(201);
            org.assertj.core.api.Assertions.assertThat(owner.request().put(url("/api/v1/people/" + member.id() + "/follow"),
                    RequestOptions.create().setHeader("Authorization", "Bearer " + me)).status()).isEqualTo(204);
            long quiet = post(api, member, slug, "第一篇：还没人回复", List.of("读书"));
            long busy = post(api, member, slug, "第二篇：今天读完了《置身事内》，大家怎么看？", List.of("读书", "经济"));
            post(api, member, slug, "第三篇：最新的一篇", List.of());
            // the directory (autocomplete's source) fills after the join commits
            for (int i = 0; i < 100 && api.get(url("/api/v1/communities/" + slug + "/members/suggest?q=%E7%8E%8B"),
                    RequestOptions.create().setHeader("Authorization", "Bearer " + me)).text().length() < 5; i++) {
                page.waitForTimeout(200);
            }

            page.navigate(url("/c/" + slug + "/posts/" + busy));
            var box = page.locator("form.comment-form textarea[name=body]");
            box.click();
            box.pressSequentially("说得好 @王");
            assertThat(page.locator(".mention-option")).hasText("王小明");
            screenshot(page, "feeds-01-mention-suggest-desktop");
            page.locator(".mention-option").first().click();
            org.assertj.core.api.Assertions.assertThat(box.inputValue())
                    .isEqualTo("说得好 @[王小明](member:" + member.id() + ") ");
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
            login(small, email);
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

    private void login(Page page, String email) {
        page.navigate(url("/login"));
        page.fill("input[name=email]", email);
        page.fill("input[name=password]", "secret-pass-1");
        page.click("form button[type=submit]");
        page.waitForLoadState();
    }

    private String token(APIRequestContext request, String email) {
        return Api.read(request.post(url("/api/v1/auth/tokens"), RequestOptions.create()
                .setData(Map.of("email", email, "password", "secret-pass-1", "name", "browser"))).text()).get("token").asString();
    }

    private Person register(APIRequestContext request, String name) {
        var email = Api.unique("feeds-member") + "@example.com";
        var created = Api.read(request.post(url("/api/v1/auth/register"), RequestOptions.create()
                .setData(Map.of("email", email, "password", "secret-pass-1", "displayName", name))).text());
        return new Person(created.get("id").asLong(), email, token(request, email));
    }

    private static RequestOptions auth(Person who) {
        return RequestOptions.create().setHeader("Authorization", "Bearer " + who.token());
    }

    private long post(APIRequestContext request, Person who, String slug, String body, List<String> tags) {
        var response = request.post(url("/api/v1/communities/" + slug + "/posts"), auth(who)
                .setData(Map.of("kind", "DISCUSSION", "body", body, "tags", tags)));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(201);
        return Api.read(response.text()).get("id").asLong();
    }

}
