package org.shequn.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.RequestOptions;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.shequn.Api;
import org.shequn.CommunityFixtures;

/**
 * A member asks the owner a question with an image through the real form (phone width), the owner answers
 * (desktop), the asker accepts the answer; both look at the post and the feed.
 */
class QuestionBrowserTest extends BrowserTest {

    @Test
    void aMemberAsksTheOwnerWithAnImageTheOwnerAnswersTheAskerAccepts() throws Exception {
        try (var ownerContext = visitor(false); var memberContext = visitor(true)) {
            var owner = ownerContext.newPage();
            var ownerToken = register(ownerContext, owner, "提问群主");
            var slug = Api.unique("qb-");
            var created = ownerContext.request().post(url("/api/v1/communities"), RequestOptions.create()
                    .setHeader("Authorization", "Bearer " + ownerToken).setData(CommunityFixtures.settings(slug, "OPEN", 40)));
            org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);

            var member = memberContext.newPage();
            var memberToken = register(memberContext, member, "爱提问的成员");
            var joined = memberContext.request().post(url("/api/v1/communities/" + slug + "/join"), RequestOptions.create()
                    .setHeader("Authorization", "Bearer " + memberToken));
            org.assertj.core.api.Assertions.assertThat(joined.status()).isEqualTo(201);

            // the member writes a question to the owner, with a picture
            member.navigate(url("/c/" + slug + "/posts/new"));
            assertThat(member.locator(".addressee-field")).isHidden();
            member.selectOption("select[name=kind]", "QUESTION");
            assertThat(member.locator(".addressee-field")).isVisible();
            member.selectOption("select[name=addresseeId]", new com.microsoft.playwright.options.SelectOption().setLabel("提问群主"));
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
            waitLoaded(member);
            screenshot(member, "question-02-post-phone");
            var postUrl = member.url();

            // the owner sees it, answers
            owner.navigate(postUrl);
            waitLoaded(owner);
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
            waitLoaded(member);
            member.evaluate("window.scrollTo(0, 0)");
            screenshot(member, "question-04-accepted-phone");
            member.navigate(url("/c/" + slug + "/posts"));
            assertThat(member.locator(".post-card .mark.solved")).hasCount(1);
            assertThat(member.locator(".post-card .card-thumb img")).hasCount(1);
            screenshot(member, "question-05-feed-phone");

            owner.navigate(postUrl);
            assertThat(owner.locator(".comment .mark.accepted")).hasCount(1);
            waitLoaded(owner);
            screenshot(owner, "question-06-accepted-desktop");
            owner.navigate(url("/c/" + slug + "/posts"));
            assertThat(owner.locator(".post-card .question-to")).containsText("提问给 提问群主");
            screenshot(owner, "question-07-feed-desktop");
            // full size opens for the member
            var full = memberContext.request().get(url(member.locator(".post-card .card-thumb img").getAttribute("src")));
            org.assertj.core.api.Assertions.assertThat(full.status()).isEqualTo(200);
        }
    }

    private String register(BrowserContext context, Page page, String name) {
        var email = Api.unique("question") + "@example.com";
        page.navigate(url("/register"));
        page.fill("input[name=email]", email);
        page.fill("input[name=displayName]", name);
        page.fill("input[name=password]", "secret-pass-1");
        page.click("button[type=submit]");
        page.waitForURL("**/profile/edit**");
        return Api.read(context.request().post(url("/api/v1/auth/tokens"), RequestOptions.create()
                .setData(Map.of("email", email, "password", "secret-pass-1", "name", "browser"))).text()).get("token").asString();
    }

    /** Every image on the page has loaded (a broken one would have no natural width). */
    private static void waitLoaded(Page page) {
        page.waitForFunction("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
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
