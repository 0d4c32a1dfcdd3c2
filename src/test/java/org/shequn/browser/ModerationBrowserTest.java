package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;

/**
 * Held comments through the real buttons: the owner sets a word that holds comments for review, a member's two
 * comments are held, the owner approves one on the moderation page (another member then sees it) and deletes
 * the other (gone for everyone); the audit trail reads in words. Desktop for the owner, phone for members.
 */
class ModerationBrowserTest extends BrowserTest {

    @Test
    void theOwnerApprovesOneHeldCommentAndDeletesAnother() {
        try (var ownerContext = visitor(false); var authorContext = visitor(true); var readerContext = visitor(true)) {
            var owner = ownerContext.newPage();
            var ownerToken = register(ownerContext, owner, "审核群主");
            var slug = Api.unique("mb-");
            var created = ownerContext.request().post(url("/api/v1/communities"), RequestOptions.create()
                    .setHeader("Authorization", "Bearer " + ownerToken).setData(CommunityFixtures.settings(slug, "OPEN", 40)));
            org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);
            var post = ownerContext.request().post(url("/api/v1/communities/" + slug + "/posts"), RequestOptions.create()
                    .setHeader("Authorization", "Bearer " + ownerToken)
                    .setData(Map.of("kind", "DISCUSSION", "title", "本周活动报名", "body", "周六下午读书会，欢迎报名。")));
            org.assertj.core.api.Assertions.assertThat(post.status()).isEqualTo(201);
            long postId = Api.read(post.text()).get("id").asLong();
            var postPath = "/c/" + slug + "/posts/" + postId;

            // the owner adds a word that holds comments for review, through the page's form
            owner.navigate(url("/c/" + slug + "/moderation"));
            owner.fill("form[action='/c/" + slug + "/moderation/words'] textarea[name=hold]", "代购");
            owner.click("form[action='/c/" + slug + "/moderation/words'] button[type=submit]");
            assertThat(owner.locator("ul.tags")).containsText("代购 (待审核)");

            var author = authorContext.newPage();
            join(authorContext, slug, register(authorContext, author, "热心成员"));
            var reader = readerContext.newPage();
            var readerToken = register(readerContext, reader, "旁观成员");
            join(readerContext, slug, readerToken);
            comment(author, postPath, "我可以帮大家代购门票");
            comment(author, postPath, "代购零食，私聊我");
            assertThat(author.locator(".comment .moderation-held")).hasCount(2);
            screenshot(author, "moderation-01-held-author-phone");
            reader.navigate(url(postPath));
            assertThat(reader.locator(".comment")).hasCount(0);

            owner.navigate(url("/c/" + slug + "/moderation"));
            assertThat(owner.locator(".held-comment")).hasCount(2);
            screenshot(owner, "moderation-02-queue-desktop");
            heldComment(owner, "代购门票").locator("button.primary").click();
            assertThat(owner.locator(".held-comment")).hasCount(1);
            assertThat(heldComment(owner, "代购门票")).hasCount(0);

            reader.navigate(url(postPath));
            assertThat(reader.locator(".comment")).hasCount(1);
            assertThat(reader.locator(".comment")).containsText("我可以帮大家代购门票");
            assertThat(reader.locator(".comment .moderation-held")).hasCount(0);
            screenshot(reader, "moderation-03-approved-reader-phone");

            // a report waits in the same queue (its card is part of the screenshots)
            var reported = readerContext.request().post(url("/api/v1/communities/" + slug + "/reports"), RequestOptions.create()
                    .setHeader("Authorization", "Bearer " + readerToken).setData(Map.of("postId", postId, "reason", "活动还没确定，先别报名")));
            org.assertj.core.api.Assertions.assertThat(reported.status()).isEqualTo(201);
            owner.reload();
            heldComment(owner, "代购零食").locator("button.danger").click();
            assertThat(owner.locator(".held-comment")).hasCount(0);
            assertThat(owner.locator("body")).containsText("没有待审核的评论");
            assertThat(owner.locator(".report")).containsText("活动还没确定");
            // the audit trail reads in words, newest first, never the machine codes
            var audit = owner.locator(".moderation-audit li");
            assertThat(audit).hasCount(3);
            assertThat(audit.nth(0).locator(".audit-action")).hasText("删除");
            assertThat(audit.nth(1).locator(".audit-action")).hasText("审核通过");
            assertThat(audit.nth(2).locator(".audit-action")).hasText("修改屏蔽词");
            assertThat(owner.locator(".moderation-audit")).not().containsText("APPROVE");
            screenshot(owner, "moderation-04-after-desktop");

            for (var page : new Page[] {author, reader}) {
                page.navigate(url(postPath));
                assertThat(page.locator(".comment")).hasCount(1);
                assertThat(page.locator("main")).not().containsText("代购零食");
            }

            // a held post: its author sees it marked 待审核 on its page, the owner on the feed card
            author.navigate(url("/c/" + slug + "/posts/new"));
            author.fill("input[name=title]", "门票代购");
            author.fill("textarea[name=body]", "有需要代购门票的找我。");
            author.click("form.post-editor button[type=submit]");
            author.waitForURL("**/posts/*");
            assertThat(author.locator(".post-marks .moderation-held")).hasText("待审核");
            assertThat(author.locator(".flash.warn")).containsText("通过后才会公开");
            screenshot(author, "moderation-06-held-post-author-phone");
            owner.navigate(url("/c/" + slug + "/posts"));
            assertThat(owner.locator(".post-card .moderation-held")).hasCount(1);
            screenshot(owner, "moderation-07-feed-held-card-desktop");
            reader.navigate(url("/c/" + slug + "/posts"));
            assertThat(reader.locator(".post-card")).hasCount(1);

            // the same page at phone width
            try (var phone = visitor(true)) {
                phone.addCookies(ownerContext.cookies());
                var small = phone.newPage();
                small.navigate(url("/c/" + slug + "/moderation"));
                assertThat(small.locator(".moderation-audit li")).hasCount(3);
                assertThat(small.locator(".report")).hasCount(1);
                screenshot(small, "moderation-05-phone");
            }
        }
    }

    private static Locator heldComment(Page page, String text) {
        return page.locator(".held-comment", new Page.LocatorOptions().setHasText(text));
    }

    private void comment(Page page, String postPath, String text) {
        page.navigate(url(postPath));
        page.fill("form.comment-form textarea[name=body]", text);
        page.click("form.comment-form button[type=submit]");
        page.waitForURL("**#comment-*");
    }

    private void join(BrowserContext context, String slug, String token) {
        var joined = context.request().post(url("/api/v1/communities/" + slug + "/join"), RequestOptions.create()
                .setHeader("Authorization", "Bearer " + token));
        org.assertj.core.api.Assertions.assertThat(joined.status()).isEqualTo(201);
    }

    private String register(BrowserContext context, Page page, String name) {
        var email = Api.unique("moderation") + "@example.com";
        page.navigate(url("/register"));
        page.fill("input[name=email]", email);
        page.fill("input[name=displayName]", name);
        page.fill("input[name=password]", "secret-pass-1");
        page.click("button[type=submit]");
        page.waitForURL("**/welcome**");
        return Api.read(context.request().post(url("/api/v1/auth/tokens"), RequestOptions.create()
                .setData(Map.of("email", email, "password", "secret-pass-1", "name", "browser"))).text()).get("token").asString();
    }
}
