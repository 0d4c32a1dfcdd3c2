package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;

/** The owner watches the feed and then a post while a member writes: both appear without a reload. */
class LiveBrowserTest extends BrowserTest {

    @Test
    void aMembersPostAndCommentAppearOnTheOwnersOpenPages() {
        // the first post of a JVM may wait for the search segmenter's dictionary to load
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        try (var ownerContext = visitor(false); var memberContext = visitor(true)) {
            var owner = ownerContext.newPage();
            var ownerToken = register(ownerContext, owner, "实时群主");
            var slug = Api.unique("live-");
            var created = ownerContext.request().post(url("/api/v1/communities"), RequestOptions.create()
                    .setHeader("Authorization", "Bearer " + ownerToken).setData(CommunityFixtures.settings(slug, "OPEN", 40)));
            org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);

            var member = memberContext.newPage();
            var memberToken = register(memberContext, member, "实时成员");
            var joined = memberContext.request().post(url("/api/v1/communities/" + slug + "/join"), RequestOptions.create()
                    .setHeader("Authorization", "Bearer " + memberToken));
            org.assertj.core.api.Assertions.assertThat(joined.status()).isLessThan(300);

            owner.navigate(url("/c/" + slug + "/posts"));
            assertThat(owner.locator("#live")).hasAttribute("data-connected", "true");

            member.navigate(url("/c/" + slug + "/posts/new"));
            member.fill("input[name=title]", "今晚八点线上读书会");
            member.fill("textarea[name=body]", "这次聊《俞军产品方法论》第三章，欢迎旁听。");
            member.click("form.post-editor button[type=submit]");
            member.waitForURL("**/posts/*");

            // no reload: the card arrives over the stream
            assertThat(owner.locator("#feed-items .post-card")).hasCount(1);
            assertThat(owner.locator("#feed-items .post-card .post-title")).hasText("今晚八点线上读书会");
            assertThat(owner.locator("#feed-empty")).hasCount(0);
            screenshot(owner, "live-01-feed-new-post");

            owner.click("#feed-items .post-card a.post-link");
            owner.waitForURL("**/posts/*");
            assertThat(owner.locator("#live")).hasAttribute("data-connected", "true");
            member.fill("form.comment-form textarea[name=body]", "我会准时到，**带着问题来**");
            member.click("form.comment-form button[type=submit]");
            assertThat(owner.locator("#comments .comment")).hasCount(1);
            assertThat(owner.locator("#comments .comment strong")).hasText("带着问题来");

            // a reply lands under its comment
            String commentId = owner.locator("#comments .comment").first().getAttribute("id").substring("comment-".length());
            String postPath = owner.url().substring(owner.url().indexOf("/c/"));
            var reply = memberContext.request().post(url("/api/v1/communities/" + slug + "/posts/"
                    + postPath.substring(postPath.lastIndexOf('/') + 1) + "/comments"), RequestOptions.create()
                    .setHeader("Authorization", "Bearer " + memberToken)
                    .setData(Map.of("body", "补充：记得先读第二章", "parentId", Long.parseLong(commentId))));
            org.assertj.core.api.Assertions.assertThat(reply.status()).isEqualTo(201);
            assertThat(owner.locator("#comment-" + commentId + " .comment.reply")).hasCount(1);
            screenshot(owner, "live-02-post-new-comments");
            screenshot(member, "live-03-member-post-phone");
        } finally {
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        }
    }

    private String register(BrowserContext context, Page page, String name) {
        var email = Api.unique("live") + "@example.com";
        page.navigate(url("/register"));
        page.fill("input[name=email]", email);
        page.fill("input[name=displayName]", name);
        page.fill("input[name=password]", "secret-pass-1");
        page.click("button[type=submit]");
        page.waitForURL("**/profile/edit**");
        return Api.read(context.request().post(url("/api/v1/auth/tokens"), RequestOptions.create()
                .setData(Map.of("email", email, "password", "secret-pass-1", "name", "browser"))).text()).get("token").asString();
    }
}
