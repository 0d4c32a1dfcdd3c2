package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The owner watches the feed and then a post while a member writes: both appear without a reload. */
class LiveBrowserTest extends BrowserTest {

    @Test
    void aMembersPostAndCommentAppearOnTheOwnersOpenPages() {
        // the first post of a JVM may wait for the search segmenter's dictionary to load
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        try (var ownerContext = visitor(false); var memberContext = visitor(true)) {
            var owner = ownerContext.newPage();
            var ownerAccount = signUp(ownerContext, owner, "实时群主");
            var slug = createOpenCommunity(ownerContext.request(), ownerAccount, "live-");

            var member = memberContext.newPage();
            var memberAccount = signUp(memberContext, member, "实时成员");
            join(memberContext.request(), memberAccount, slug);

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
            assertThat(owner.locator("#comment-count")).hasText("1 条评论");

            // a reply lands under its comment
            String commentId = owner.locator("#comments .comment").first().getAttribute("id").substring("comment-".length());
            String postPath = owner.url().substring(owner.url().indexOf("/c/"));
            var reply = memberContext.request().post(url("/api/v1/communities/" + slug + "/posts/"
                    + postPath.substring(postPath.lastIndexOf('/') + 1) + "/comments"), memberAccount.auth()
                    .setData(Map.of("body", "补充：记得先读第二章", "parentId", Long.parseLong(commentId))));
            org.assertj.core.api.Assertions.assertThat(reply.status()).isEqualTo(201);
            assertThat(owner.locator("#comment-" + commentId + " .comment.reply")).hasCount(1);
            assertThat(owner.locator("#comment-count")).hasText("2 条评论");

            // likes: the member clicks, the owner's counts follow; each keeps their own "liked" mark
            String postId = postPath.substring(postPath.lastIndexOf('/') + 1);
            member.navigate(url(postPath));
            assertThat(member.locator("#live")).hasAttribute("data-connected", "true");
            member.click("#reactions button.reaction.like");
            assertThat(member.locator("#reactions button.reaction.like")).hasClass(java.util.regex.Pattern.compile("\\bmine\\b"));
            assertThat(owner.locator("#rc-p" + postId + "-like")).hasText("1");
            assertThat(owner.locator("#reactions button.reaction.like")).not().hasClass(java.util.regex.Pattern.compile("\\bmine\\b"));
            member.click("#reactions-" + commentId + " button.reaction.like");
            assertThat(owner.locator("#rc-c" + commentId + "-like")).hasText("1");
            owner.click("#reactions button.reaction.like");
            assertThat(owner.locator("#rc-p" + postId + "-like")).hasText("2");
            assertThat(member.locator("#rc-p" + postId + "-like")).hasText("2");
            assertThat(member.locator("#reactions button.reaction.like")).hasClass(java.util.regex.Pattern.compile("\\bmine\\b"));

            // the member withdraws the reply: the owner's heading counts down
            var removed = memberContext.request().delete(url("/api/v1/communities/" + slug + "/comments/"
                    + reply.headers().get("x-comment-id")), memberAccount.auth());
            org.assertj.core.api.Assertions.assertThat(removed.status()).isEqualTo(204);
            assertThat(owner.locator("#comment-count")).hasText("1 条评论");
            screenshot(owner, "live-02-post-new-comments");
            screenshot(member, "live-03-member-post-phone");
        } finally {
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        }
    }
}
