package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A member asks the owner a question with an image through the real form (phone width), the owner answers
 * (desktop), the asker accepts the answer; both look at the post and the feed.
 */
class QuestionBrowserTest extends BrowserTest {

    @Test
    void aMemberAsksTheOwnerWithAnImageTheOwnerAnswersTheAskerAccepts() throws Exception {
        try (var ownerContext = visitor(false); var memberContext = visitor(true)) {
            var owner = ownerContext.newPage();
            var ownerAccount = signUp(ownerContext, owner, "提问群主");
            var slug = createOpenCommunity(ownerContext.request(), ownerAccount, "qb-");

            var member = memberContext.newPage();
            join(memberContext.request(), signUp(memberContext, member, "爱提问的成员"), slug);

            // the member writes a question to the owner, with a picture
            member.navigate(url("/c/" + slug + "/posts/new"));
            assertThat(member.locator(".addressee-field")).isHidden();
            member.selectOption("select[name=kind]", "QUESTION");
            assertThat(member.locator(".addressee-field")).isVisible();
            member.check(".addressee-field label.choice:has-text('提问群主') input");
            member.fill("input[name=title]", "新社群第一个月该做什么？");
            member.fill("textarea[name=body]", "我们刚建群，附上活动海报，**求群主指点**。");
            member.setInputFiles("input[name=images]", new FilePayload[] {
                    new FilePayload("海报.png", "image/png", poster(new Color(37, 99, 235))),
                    new FilePayload("现场.png", "image/png", poster(new Color(234, 88, 12))),
                    new FilePayload("合影.png", "image/png", poster(new Color(124, 58, 237)))});
            screenshot(member, "question-01-editor-phone");
            member.click("form.post-editor button[type=submit]");
            member.waitForURL("**/posts/*");
            assertThat(member.locator(".question-to")).containsText("提问给 提问群主");
            assertThat(member.locator(".post-images img")).hasCount(3);
            loaded(member);
            screenshot(member, "question-02-post-phone");
            var postUrl = member.url();

            // the owner sees it, answers
            owner.navigate(postUrl);
            loaded(owner);
            owner.fill("form.comment-form textarea[name=body]", "先把欢迎流程和每周一次的固定活动做起来。");
            owner.click("form.comment-form button[type=submit]");
            assertThat(owner.locator(".comment .mark.addressee")).hasCount(1);
            assertThat(owner.locator("form.accept-form")).hasCount(0);
            screenshot(owner, "question-03-answered-desktop");

            // the asker accepts
            member.navigate(postUrl);
            member.click("form.accept-form button");
            assertThat(member.locator(".comment .mark.accepted")).hasText("已采纳");
            assertThat(member.locator(".post-marks .mark.solved")).hasText("已解决");
            loaded(member);
            screenshot(member, "question-04-accepted-phone");
            member.navigate(url("/c/" + slug + "/posts"));
            assertThat(member.locator(".post-card .mark.solved")).hasCount(1);
            assertThat(member.locator(".post-card .card-thumb img")).hasCount(1);
            screenshot(member, "question-05-feed-phone");

            owner.navigate(postUrl);
            assertThat(owner.locator(".comment .mark.accepted")).hasCount(1);
            loaded(owner);
            screenshot(owner, "question-06-accepted-desktop");
            owner.navigate(url("/c/" + slug + "/posts"));
            assertThat(owner.locator(".post-card .question-to")).containsText("提问给 提问群主");
            screenshot(owner, "question-07-feed-desktop");
            // full size opens for the member
            var full = memberContext.request().get(url(member.locator(".post-card .card-thumb img").getAttribute("src")));
            org.assertj.core.api.Assertions.assertThat(full.status()).isEqualTo(200);
        }
    }

    /**
     * Beyond the owner, the addressee is found by typing part of a name (the community may be too large for a
     * list); without script the owner stays a one-click choice. Also screenshots, at both widths, the pages this
     * touches: the editor, the question, the feed's search box, search results and the moderation audit trail.
     */
    @Test
    void anAddresseeIsFoundByTypingPartOfTheNameAndTheOwnerIsOneClickWithoutScript() {
        try (var ownerContext = visitor(false); var askerContext = visitor(true); var expertContext = visitor(false)) {
            var ownerPage = ownerContext.newPage();
            var owner = signUp(ownerContext, ownerPage, "答疑群主");
            var slug = createOpenCommunity(ownerContext.request(), owner, "qa-");
            join(expertContext.request(), registerThroughApi(expertContext.request(), "李思远"), slug);
            var page = askerContext.newPage();
            var asker = signUp(askerContext, page, "好奇的成员");
            join(askerContext.request(), asker, slug);
            awaitSuggested(page, askerContext.request(), asker, slug, "李");

            page.navigate(url("/c/" + slug + "/posts/new"));
            page.selectOption("select[name=kind]", "QUESTION");
            assertThat(page.locator(".addressee-other")).isHidden();
            page.locator(".addressee-search input").pressSequentially("李思");
            assertThat(page.locator(".addressee-field .mention-option")).hasText("李思远");
            screenshot(page, "question-08-addressee-suggest-phone");
            page.setViewportSize(1280, 900);
            screenshot(page, "question-09-addressee-suggest-desktop");
            page.locator(".addressee-field .mention-option").first().click();
            assertThat(page.locator(".addressee-other")).containsText("李思远");
            assertThat(page.locator(".addressee-other input")).isChecked();
            page.fill("input[name=title]", "新人第一周读什么书？");
            page.fill("textarea[name=body]", "听说你读书最多，想请你推荐三本入门书。");
            page.click("form.post-editor button[type=submit]");
            page.waitForURL("**/posts/*");
            assertThat(page.locator(".question-to")).containsText("提问给 李思远");
            // one's own question offers edit and delete, never 举报
            assertThat(page.locator(".post-actions .report-box")).hasCount(0);
            screenshot(page, "question-10-to-member-desktop");
            page.setViewportSize(390, 844);
            screenshot(page, "question-11-to-member-phone");
            long postId = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));

            // without script: no search box, but the owner is still one click away
            try (var plain = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                    .setJavaScriptEnabled(false).setViewportSize(390, 844))) {
                var noScript = plain.newPage();
                logIn(noScript, asker);
                noScript.navigate(url("/c/" + slug + "/posts/new"));
                assertThat(noScript.locator(".addressee-search")).isHidden();
                noScript.selectOption("select[name=kind]", "QUESTION");
                noScript.check(".addressee-field label.choice:has-text('答疑群主') input");
                screenshot(noScript, "question-12-editor-no-script-phone");
                noScript.fill("input[name=title]", "周末活动在哪里办？");
                noScript.fill("textarea[name=body]", "想提前订场地。");
                noScript.click("form.post-editor button[type=submit]");
                noScript.waitForURL("**/posts/*");
                assertThat(noScript.locator(".question-to")).containsText("提问给 答疑群主");
            }

            // the feed's search box and the results, at both widths
            for (var phone : new boolean[] {true, false}) {
                var width = phone ? "phone" : "desktop";
                page.setViewportSize(phone ? 390 : 1280, phone ? 844 : 900);
                page.navigate(url("/c/" + slug + "/posts"));
                screenshot(page, "question-13-feed-" + width);
                searchUntil(page, slug, "入门书", 1);
                screenshot(page, "question-14-search-" + width);
            }

            // the owner hides the question: the audit trail says so in words, at both widths
            org.assertj.core.api.Assertions.assertThat(ownerContext.request().put(
                    url("/api/v1/communities/" + slug + "/posts/" + postId + "/hidden"), owner.auth()).status()).isEqualTo(204);
            ownerPage.navigate(url("/c/" + slug + "/moderation"));
            assertThat(ownerPage.locator(".moderation-audit li")).hasCount(1);
            assertThat(ownerPage.locator(".moderation-audit li")).containsText("隐藏");
            screenshot(ownerPage, "question-15-moderation-desktop");
            ownerPage.setViewportSize(390, 844);
            screenshot(ownerPage, "question-16-moderation-phone");
        }
    }

    private static byte[] poster(Color from) throws Exception {
        var image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, from, 1200, 800, new Color(16, 185, 129)));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(Color.WHITE);
        g.fillRoundRect(150, 250, 900, 300, 40, 40);
        g.setColor(new Color(37, 99, 235));
        g.fillOval(220, 320, 160, 160);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
